// The export JSON (DESIGN section 5): one incident with its timeline, or all incidents.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace warroom::storage {
class Store;
}

namespace warroom::bot {

// One incident as a JSON document, or nullopt when it does not exist.
std::optional<std::string> export_incident(storage::Store& store, std::int64_t number);
// `{"incidents":[…]}`, oldest first.
std::string export_all(storage::Store& store);

}  // namespace warroom::bot

// GET /incidents/INC-n: one incident as a page for stakeholders and responders: header,
// people, linked incidents and problem records, latest update and the next one due, the whole
// timeline, links to the review.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "commands/config.h"
#include "storage/time.h"

namespace warroom::storage {
class Store;
}

namespace warroom::bot {

// nullopt when the incident does not exist. Reads only. Every user-supplied string is
// HTML-escaped; `link_query` ("" or "?token=…", already encoded) is appended to every link.
// An open incident's page refreshes itself like the status page.
std::optional<std::string> render_incident_html(storage::Store& store, std::int64_t number,
                                                const commands::Config& config, TimePoint now,
                                                std::string_view link_query);

}  // namespace warroom::bot

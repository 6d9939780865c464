// Every problem record with the incidents attached to it, as `warroom problems` prints it
// (readable text, or JSON with --json) and as GET /problems.json serves it.
#pragma once

#include <string>

namespace warroom::storage {
class Store;
}

namespace warroom::bot {

// {"problems":[{key, title, status, workaround, created_at, created_by,
//   incidents:[{key, title, severity, status}]}]}, by number. Reads only.
std::string problems_json(storage::Store& store);
// One block per problem: "PRB-1 [known-error] title", then its workaround and incidents,
// indented. Says so when there are none. Ends with a newline.
std::string problems_text(storage::Store& store);

}  // namespace warroom::bot

// The read endpoints of `warroom serve` (DESIGN section 3): GET /status, /status.json,
// /incidents/INC-n, /incidents/INC-n.json, the review as Markdown or HTML, /problems.json
// and /metrics.
// Every route obeys the read rule (read_access.h) before it looks anything up.
#pragma once

#include <string>

#include "commands/clock.h"
#include "commands/config.h"

namespace httplib {
class Server;
}
namespace warroom::templates {
class Templates;
}

namespace warroom::bot {

class Metrics;

struct ReadEndpoints {
  std::string database_path;  // each request reads on its own connection
  std::string read_token;     // empty: loopback clients only
  const commands::Config& config;
  const templates::Templates& templates;
  const commands::Clock& clock;
  // The in-process counters GET /metrics shows; null: no /metrics route.
  const Metrics* metrics = nullptr;
};

// The referenced config, templates and clock must outlive the server. Unknown incidents
// and malformed keys answer 404; a storage error answers 500 through the server's handler.
void add_read_routes(httplib::Server& server, const ReadEndpoints& endpoints);

}  // namespace warroom::bot

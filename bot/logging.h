// Log lines go to stderr, one per line, UTC timestamps. Secrets and request bodies never go
// into them.
#pragma once

namespace warroom::bot {

// Sets the default spdlog logger: stderr, `2026-11-24T06:01:02.123Z info message`.
void setup_logging();

}  // namespace warroom::bot

// Log lines go to stderr, one per line, UTC timestamps: `text` for people, or `json` (one
// object per line) for log collectors (WARROOM_LOG). Secrets and request bodies never go
// into them.
#pragma once

#include <string_view>

namespace warroom::bot {

// Sets the default spdlog logger. `format` is "text" (`2026-11-24T06:01:02.123Z info
// message`) or "json" (`{"at":"…","level":"info","message":"…"}`); anything else is text.
// Under load, lines are written in batches (at most 50 ms or 16 KiB apart, and every second);
// warnings and errors, and any line after a quiet moment, are written at once.
void setup_logging(std::string_view format = "text");

}  // namespace warroom::bot

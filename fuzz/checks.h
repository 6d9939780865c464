// Invariants shared by the fuzz targets: each throws InvariantBroken (fuzz/targets.h) naming
// what broke and showing the offending text with its control bytes escaped.
#pragma once

#include <string_view>

namespace warroom::bot::slack {
struct SlackCommand;
}

namespace warroom::fuzz {

// Throws InvariantBroken("<what>: <subject>") unless `holds`.
void require(bool holds, std::string_view what, std::string_view subject = {});

// `text` is valid UTF-8 (the edge repaired it).
void require_utf8(std::string_view text, std::string_view what);

// mrkdwn that user text went into pages nobody: no `<!…>` special form at all (`<!here>`,
// `<!channel>`, `<!everyone>`, `<!subteam^…>`), since warroom's own messages never use one.
void require_no_broadcast(std::string_view mrkdwn, std::string_view what);

// Reply or message text with mention markers: they pair up, and each names a valid user id,
// so user text never forged a mention.
void require_honest_mentions(std::string_view text, std::string_view what);

// What every parsed Slack command must satisfy before it becomes an Invocation: a user and a
// channel, valid UTF-8 everywhere, text that renders without a broadcast, and a command name
// from the closed set (it is a metric label).
void require_sound_command(const bot::slack::SlackCommand& command);

}  // namespace warroom::fuzz

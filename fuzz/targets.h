// The fuzz targets' logic, one function per target: each feeds hostile bytes to one edge of
// warroom and checks its invariants. libFuzzer runs them (fuzz/entry.cpp, `make fuzz`), and
// the test binary replays tests/fuzz/corpus/<target>/ through the same functions.
#pragma once

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace warroom::fuzz {

// A broken invariant: thrown (never caught by the targets) so libFuzzer reports a crash and
// keeps the input, and so a Catch2 replay prints what broke.
class InvariantBroken : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// A slash-command or interactivity body (application/x-www-form-urlencoded), decoded as the
// server decodes it, then parsed like /slack/commands and /slack/interactions do.
void fuzz_form(std::string_view input);
// An Events API body (/slack/events) into an Invocation.
void fuzz_event(std::string_view input);
// The JSON of an interactivity request's `payload` field into an Invocation.
void fuzz_interaction(std::string_view input);
// The input as a command line, run with commands::dispatch by three users on one migrated
// SQLite file (seeded once per process), inside a transaction that is always rolled back.
void fuzz_command(std::string_view input);
// Slack rendering of user text: to_mrkdwn, reply bodies, and outbox messages rendered from
// every message template with fuzzed field values.
void fuzz_mrkdwn(std::string_view input);
// The review's Markdown escaper, rendered by cmark in the places the review puts user text.
void fuzz_markdown(std::string_view input);

struct Target {
  std::string_view name;  // the folder under tests/fuzz/corpus/ and the fuzzer's name
  void (*run)(std::string_view input);
};

inline constexpr std::array<Target, 6> targets{{{"form", fuzz_form},
                                                {"event", fuzz_event},
                                                {"interaction", fuzz_interaction},
                                                {"command", fuzz_command},
                                                {"mrkdwn", fuzz_mrkdwn},
                                                {"markdown", fuzz_markdown}}};

}  // namespace warroom::fuzz

// stats: figures over the incidents declared in the last N days (only you see them); the
// figures themselves are computed in stats.cpp, shared with `warroom stats`.
// Syntax: stats [Nd]
#include <fmt/format.h>

#include "commands/command.h"
#include "commands/stats.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "stats [Nd]";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  if (args.incident()) {
    return Reply::refused("stats: covers every incident, so it takes no INC-n", usage);
  }
  const std::string word = args.take_word().value_or("30d");
  const auto window = parse_stats_window(word);
  if (!window) {
    return Reply::refused(
        fmt::format("stats: expected a number of days like 30d (1d to {}d), got \"{}\"",
                    max_stats_days, word),
        usage);
  }
  if (const auto extra = args.peek_word()) {
    return Reply::refused(fmt::format("stats: \"{}\" is extra", *extra), usage);
  }
  return Reply::shown(render_stats_text(collect_stats(store, *who.config, who.at, *window)));
}

}  // namespace

extern const Command stats{
    .name = "stats",
    .usage = usage,
    .summary = "Figures over the incidents declared in the last N days (default 30d).",
    .run = run};

}  // namespace warroom::commands

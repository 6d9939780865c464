// list: the open incidents, or all of them (only you see it).
// Syntax: list [open|all]
#include <fmt/format.h>

#include "commands/command.h"
#include "commands/format.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "list [open|all]";
constexpr std::size_t shown_at_most = 50;

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const std::string which = to_lower_ascii(args.take_word().value_or("open"));
  if (which != "open" && which != "all") {
    return Reply::refused(fmt::format("list: expected open or all, got \"{}\"", which), usage);
  }
  if (const auto extra = args.peek_word()) {
    return Reply::refused(fmt::format("list: \"{}\" is extra", *extra), usage);
  }
  const bool open_only = which == "open";
  const auto incidents = store.list_incidents(
      storage::IncidentFilter{.open_only = open_only, .limit = shown_at_most + 1});
  if (incidents.empty()) {
    return Reply::shown(open_only ? "No open incidents. `list all` shows every incident."
                                  : "No incidents yet. `declare <title>` opens one.");
  }
  std::string text = open_only ? "Open incidents:" : "All incidents, newest first:";
  for (std::size_t i = 0; i < incidents.size() && i < shown_at_most; ++i) {
    text += fmt::format("\n{} · declared {} ago", describe(incidents[i]),
                        format_duration(who.at - incidents[i].created_at));
  }
  if (incidents.size() > shown_at_most) {
    text += fmt::format("\n(only the newest {} are shown: `warroom export` has them all)",
                        shown_at_most);
  }
  return Reply::shown(text);
}

}  // namespace

extern const Command list{.name = "list",
                          .usage = usage,
                          .summary = "List the open incidents, or all of them.",
                          .run = run};

}  // namespace warroom::commands

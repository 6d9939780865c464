// review: a short summary of the post-incident review and where to read all of it (only you
// see it). The document itself is built at the edge (bot/review/), from the database alone.
// Syntax: review
#include <fmt/format.h>

#include <algorithm>

#include "commands/format.h"
#include "commands/target.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "review";

std::string time_to(const std::optional<TimePoint>& at, TimePoint created_at) {
  return at ? format_duration(*at - created_at) : std::string("not yet");
}

std::string chain_line(const storage::ChainReport& chain) {
  if (chain.intact) return fmt::format("Timeline hash chain verified ({} events).", chain.events);
  return fmt::format("WARNING: the timeline hash chain is broken at event #{} ({}).",
                     chain.first_broken_seq.value_or(0), chain.problem);
}

std::string where_to_read(const Invocation& who, const storage::Incident& incident) {
  const std::string key = incident.key();
  if (who.config->public_url.empty()) {
    return fmt::format(
        "The whole review: `warroom review {}` (Markdown), or `warroom review {} --format html "
        "-o {}.html`.",
        key, key, key);
  }
  std::string base = who.config->public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return fmt::format("The whole review: {}/incidents/{}/review.html (Markdown: review.md)", base,
                     key);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  if (const auto extra = args.peek_word()) {
    return Reply::refused(fmt::format("review: \"{}\" is extra", *extra), usage);
  }
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto& i = *incident;
  const auto actions = store.actions(i.number);
  const auto open_actions =
      std::count_if(actions.begin(), actions.end(),
                    [](const storage::Action& action) { return !action.done_at; });
  std::string text =
      fmt::format("{} post-incident review: {}\n{} · {} · owner {}", i.key(), i.title,
                  to_string(i.severity), to_string(i.status), mention(i.owner));
  text += fmt::format("\nTime to acknowledge {} · to mitigate {} · to resolve {}",
                      time_to(i.acknowledged_at, i.created_at),
                      time_to(i.mitigated_at, i.created_at), time_to(i.resolved_at, i.created_at));
  text += fmt::format("\n{} timeline events · {} of {} actions open", i.head_seq, open_actions,
                      actions.size());
  text += "\n" + chain_line(store.verify_chain(i.number));
  text += "\n" + where_to_read(who, i);
  return Reply::shown(text);
}

}  // namespace

extern const Command review{
    .name = "review",
    .usage = usage,
    .summary = "Summarise the post-incident review and link to the whole document.",
    .run = run};

}  // namespace warroom::commands

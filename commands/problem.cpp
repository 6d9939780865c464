// problem: problem records, the underlying cause several incidents share (PRB-n).
// Syntax: problem new <title>  |  problem link PRB-n  |  problem status PRB-n
//         <open|known-error|resolved>  |  problem workaround PRB-n <text>  |  problem list  |
//         problem show PRB-n
// `new` and `link` attach this incident (named before the command or implied by the channel)
// and write one `problem` event on its timeline. `status` and `workaround` change the problem
// record itself, which has no timeline of its own: the reply in the channel is their record.
#include <fmt/format.h>

#include <algorithm>

#include "commands/format.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

using storage::Problem;

constexpr std::string_view usage =
    "problem new <title>  |  problem link PRB-n  |  problem status PRB-n "
    "<open|known-error|resolved>  |  problem workaround PRB-n <text>  |  problem list  |  "
    "problem show PRB-n";

// `PRB-7` in any case; nullopt for anything else (including `PRB-0` and overflow).
std::optional<std::int64_t> parse_problem_key(std::string_view word) {
  if (word.size() < 5 || to_lower_ascii(word.substr(0, 4)) != "prb-") return std::nullopt;
  // The digits read like an incident key's: reuse that parser on "INC-<digits>".
  return parse_incident_key("INC-" + std::string(word.substr(4)));
}

// The PRB-n that `what` (a subcommand) names next, looked up.
Expected<Problem> take_problem(Arguments& args, std::string_view what, storage::Store& store) {
  const std::string word = args.take_word().value_or("");
  const auto number = parse_problem_key(word);
  if (!number) {
    return unexpected(
        fmt::format("problem {}: expected a problem key like PRB-2, got \"{}\"", what, word));
  }
  if (auto problem = store.find_problem(*number)) return std::move(*problem);
  return unexpected(
      fmt::format("problem {}: there is no PRB-{}: `problem list` shows them", what, *number));
}

std::optional<std::string> refuse_extra(const Arguments& args, std::string_view what) {
  if (const auto extra = args.peek_word()) {
    return fmt::format("problem {}: \"{}\" is extra", what, *extra);
  }
  return std::nullopt;
}

// "PRB-2 [known-error] Connection pool exhaustion · INC-1, INC-4"
std::string describe_problem(const Problem& problem) {
  std::string line =
      fmt::format("{} [{}] {}", problem.key(), to_string(problem.status), problem.title);
  for (std::size_t i = 0; i < problem.incidents.size(); ++i) {
    line += (i == 0 ? " · INC-" : ", INC-") + std::to_string(problem.incidents[i]);
  }
  return line;
}

// Attaches the incident, records the one `problem` event and tells the incident's channel.
Reply attach(const Invocation& who, const storage::Incident& incident, const Problem& problem,
             bool is_new, const std::string& message, storage::Store& store) {
  store.attach_problem(problem.number, incident.number, who.at);
  record(store, who, incident, storage::EventKind::problem, message,
         {{"problem", problem.key()}, {"title", problem.title}});
  post(store, who, incident, Audience::incident_channel, "problem", message,
       {{"is_new", is_new ? "yes" : ""},
        {"problem", problem.key()},
        {"problem_title", problem.title},
        {"problem_status", std::string(to_string(problem.status))}});
  return Reply::posted(message);
}

Reply create(const Invocation& who, Arguments& args, storage::Store& store) {
  auto title = clean_title(args.take_rest(), "problem title");
  if (!title) return Reply::refused("problem new: " + title.error(), usage);
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const Problem problem =
      store.create_problem(Problem{.title = *title, .created_at = who.at, .created_by = who.user});
  return attach(who, *incident, problem, true,
                fmt::format("{} is attached to a new problem record, {}: {}", incident->key(),
                            problem.key(), problem.title),
                store);
}

Reply link(const Invocation& who, Arguments& args, storage::Store& store) {
  auto problem = take_problem(args, "link", store);
  if (!problem) return Reply::refused(problem.error(), usage);
  if (auto extra = refuse_extra(args, "link")) return Reply::refused(*extra, usage);
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  if (std::ranges::find(problem->incidents, incident->number) != problem->incidents.end()) {
    return Reply::refused(
        fmt::format("{} is already attached to {}", incident->key(), problem->key()));
  }
  return attach(who, *incident, *problem, false,
                fmt::format("{} is attached to {} [{}]: {}", incident->key(), problem->key(),
                            to_string(problem->status), problem->title),
                store);
}

Reply set_status(const Invocation& who, Arguments& args, storage::Store& store) {
  auto problem = take_problem(args, "status", store);
  if (!problem) return Reply::refused(problem.error(), usage);
  const std::string word = args.take_word().value_or("");
  const auto status = storage::parse_problem_status(to_lower_ascii(word));
  if (!status) {
    return Reply::refused(
        fmt::format("problem status: expected open, known-error or resolved, got \"{}\"", word),
        usage);
  }
  if (auto extra = refuse_extra(args, "status")) return Reply::refused(*extra, usage);
  if (problem->status == *status) {
    return Reply::refused(fmt::format("{} is already {}", problem->key(), to_string(*status)));
  }
  const auto from = problem->status;
  problem->status = *status;
  store.save_problem(*problem);
  return Reply::posted(fmt::format("{} is now {} (was {}), by {}: {}", problem->key(),
                                   to_string(*status), to_string(from), mention(who.user),
                                   problem->title));
}

Reply set_workaround(const Invocation& who, Arguments& args, storage::Store& store) {
  auto problem = take_problem(args, "workaround", store);
  if (!problem) return Reply::refused(problem.error(), usage);
  auto text = clean_text(args.take_rest(), "workaround");
  if (!text) return Reply::refused("problem workaround: " + text.error(), usage);
  problem->workaround = *text;
  store.save_problem(*problem);
  return Reply::posted(fmt::format("{} workaround, by {}: {}", problem->key(), mention(who.user),
                                   problem->workaround));
}

Reply list(storage::Store& store) {
  const auto problems = store.problems();
  if (problems.empty()) {
    return Reply::shown("no problem records yet: `problem new <title>` opens one");
  }
  std::string text = fmt::format("Problem records ({}):", problems.size());
  for (const auto& problem : problems) text += "\n" + describe_problem(problem);
  return Reply::shown(text);
}

Reply show(Arguments& args, storage::Store& store) {
  auto problem = take_problem(args, "show", store);
  if (!problem) return Reply::refused(problem.error(), usage);
  if (auto extra = refuse_extra(args, "show")) return Reply::refused(*extra, usage);
  std::string text = fmt::format("{}: {}\nStatus: {}\nWorkaround: {}\nOpened {} by {}",
                                 problem->key(), problem->title, to_string(problem->status),
                                 problem->workaround.empty() ? "none yet" : problem->workaround,
                                 format_time(problem->created_at), mention(problem->created_by));
  text += "\nIncidents:";
  for (const std::int64_t number : problem->incidents) {
    if (const auto incident = store.find_incident(number)) text += "\n" + describe(*incident);
  }
  return Reply::shown(text);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const std::string word = args.take_word().value_or("");
  const std::string what = to_lower_ascii(word);
  if (what == "new") return create(who, args, store);
  if (what == "link") return link(who, args, store);
  if (what == "status") return set_status(who, args, store);
  if (what == "workaround") return set_workaround(who, args, store);
  if (what == "show") return show(args, store);
  if (what == "list") {
    if (auto extra = refuse_extra(args, "list")) return Reply::refused(*extra, usage);
    return list(store);
  }
  if (what.empty())
    return Reply::refused("problem: new, link, status, workaround, list or show?", usage);
  return Reply::refused(
      fmt::format("problem: expected new, link, status, workaround, list or show, got \"{}\"",
                  word),
      usage);
}

}  // namespace

extern const Command problem{
    .name = "problem",
    .usage = usage,
    .summary = "Open a problem record for this incident, attach it to one, or keep one up to date.",
    .run = run};

}  // namespace warroom::commands

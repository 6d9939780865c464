// declare: opens a new incident; the declarer becomes its owner (the commander).
// Syntax: declare <title> [sev1|sev2|sev3|sev4] [service:<name>] [impact:"…"]
// Options are whole tokens anywhere in the line, any case; the other words are the title.
#include <fmt/format.h>

#include <optional>

#include "commands/command.h"
#include "commands/format.h"
#include "commands/matrix.h"
#include "commands/permissions.h"
#include "commands/record.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage =
    "declare <title> [sev1|sev2|sev3|sev4] [service:<name>] [impact:\"…\"]";

struct Declaration {
  std::string title;
  std::optional<storage::Severity> severity;
  std::string service;
  std::string impact;
};

// A quoted value starting at `text[at]` (" or “), up to the matching " or ”.
Expected<std::string> take_quoted(std::string_view text, std::size_t& at) {
  constexpr std::string_view curly_open = "\u201C";
  std::size_t open_length = 1;
  if (text.substr(at, curly_open.size()) == curly_open) open_length = curly_open.size();
  const std::size_t begin = at + open_length;
  const std::size_t straight = text.find('"', begin);
  const std::size_t curly = text.find("\u201D", begin);
  const std::size_t end = std::min(straight, curly);
  if (end == std::string_view::npos) return unexpected("impact: the closing quote is missing");
  at = end + (end == straight ? 1 : std::string_view("\u201D").size());
  return std::string(text.substr(begin, end - begin));
}

bool is_quote_at(std::string_view text, std::size_t at) {
  return at < text.size() && (text[at] == '"' || text.substr(at, 3) == "\u201C");
}

bool looks_like_severity(std::string_view word) {
  if (word.size() < 4 || to_lower_ascii(word.substr(0, 3)) != "sev") return false;
  return word.substr(3).find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<std::string> take_option(std::string_view text, std::size_t& at, Declaration& out);

Expected<Declaration> parse(std::string_view text) {
  Declaration declaration;
  std::vector<std::string_view> title_words;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text[at] == ' ' || text[at] == '\n' || text[at] == '\t') {
      ++at;
      continue;
    }
    const std::size_t begin = at;
    if (auto error = take_option(text, at, declaration)) return unexpected(*error);
    if (at == begin) {  // not an option: a title word
      while (at < text.size() && text[at] != ' ' && text[at] != '\n' && text[at] != '\t') ++at;
      title_words.push_back(text.substr(begin, at - begin));
    }
  }
  std::string title;
  for (const auto word : title_words) title += (title.empty() ? "" : " ") + std::string(word);
  auto cleaned = clean_title(title);
  if (!cleaned) return unexpected(cleaned.error());
  declaration.title = *cleaned;
  return declaration;
}

// Consumes one option token at `at` into `out`; leaves `at` alone for a title word.
std::optional<std::string> take_option(std::string_view text, std::size_t& at, Declaration& out) {
  std::size_t end = at;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
  const std::string_view word = text.substr(at, end - at);
  const std::string lower = to_lower_ascii(word);
  if (looks_like_severity(word)) {
    const auto severity = storage::parse_severity(lower);
    if (!severity) return fmt::format("severity must be sev1 to sev4, got \"{}\"", word);
    if (out.severity) return "two severities given: keep one";
    out.severity = severity;
    at = end;
  } else if (lower.starts_with("service:")) {
    out.service = to_lower_ascii(word.substr(8));
    if (out.service.empty() || out.service.size() > 64 ||
        out.service.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") !=
            std::string::npos) {
      return fmt::format("service: expected a name of letters, digits, '.', '_' or '-', got \"{}\"",
                         word.substr(8));
    }
    at = end;
  } else if (lower.starts_with("impact:")) {
    std::size_t value_at = at + 7;
    auto impact = is_quote_at(text, value_at) ? take_quoted(text, value_at)
                                              : Expected<std::string>(std::string(word.substr(7)));
    if (!impact) return impact.error();
    auto cleaned = clean_text(*impact, "impact");
    if (!cleaned) return cleaned.error();
    out.impact = *cleaned;
    at = is_quote_at(text, at + 7) ? value_at : end;
  }
  return std::nullopt;
}

// A Slack-legal channel name: `inc-7-payments-failing`, lowercase, at most 80 characters.
std::string channel_name(const storage::Incident& incident) {
  std::string name = "inc-" + std::to_string(incident.number) + "-";
  for (const char c : to_lower_ascii(incident.title)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      name += c;
    else if (name.back() != '-')
      name += '-';
    if (name.size() >= 80) break;
  }
  while (name.back() == '-') name.pop_back();
  return name.substr(0, 80);
}

std::string announcement(const storage::Incident& incident, bool default_severity,
                         const std::string& runbook) {
  std::string text =
      fmt::format("{} declared: {}\nSeverity {}{} · owner {}", incident.key(), incident.title,
                  to_string(incident.severity),
                  default_severity ? " (the default: `sev <1-4> <reason>` changes it)" : "",
                  mention(incident.owner));
  if (!incident.service.empty()) text += " · service " + incident.service;
  if (!incident.impact.empty()) text += "\nImpact: " + incident.impact;
  if (!runbook.empty()) text += "\nRunbook: " + runbook;
  return text;
}

// Asks the platform for the incident's own channel, then (in this order, once it exists)
// invites the owner, sets the topic and posts the declaration there, pinned.
void open_channel(storage::Store& store, const Invocation& who, const storage::Incident& incident,
                  const std::string& text, const std::string& runbook) {
  const std::string destination = incident_destination(who, incident);
  const auto queue = [&](std::string method, std::string template_name, std::string message_text,
                         std::map<std::string, std::string> fields) {
    store.enqueue(storage::OutboxMessage{.incident = incident.number,
                                         .created_at = who.at,
                                         .destination = destination,
                                         .method = std::move(method),
                                         .template_name = std::move(template_name),
                                         .text = std::move(message_text),
                                         .fields = std::move(fields)});
  };
  const std::string name = channel_name(incident);
  queue("conversations.create", "", name, {{"name", name}});
  queue("conversations.invite", "", incident.owner, {{"users", incident.owner}});
  const std::string topic =
      fmt::format("{} · {} · {}", incident.key(), to_string(incident.severity), incident.title);
  queue("conversations.setTopic", "", topic, {{"topic", topic}});
  queue("chat.postMessage", "declared", text,
        {{"key", incident.key()},
         {"title", incident.title},
         {"severity", std::string(to_string(incident.severity))},
         {"status", std::string(to_string(incident.status))},
         {"owner", incident.owner},
         {"actor", who.user},
         {"service", incident.service},
         {"impact", incident.impact},
         {"runbook", runbook},
         {"pin", "true"}});
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  if (args.incident())
    return Reply::refused("declare opens a new incident: do not name one", usage);
  auto declaration = parse(args.take_rest());
  if (!declaration) return Reply::refused("declare: " + declaration.error(), usage);

  const bool own_channel = who.config->incident_channels;
  if (!own_channel) {
    const auto existing = store.find_incident_in_channel(who.channel);
    if (existing && is_open(existing->status)) {
      return Reply::refused(
          fmt::format("{} is already open in this channel: `resolve` it, or "
                      "declare from another channel",
                      describe(*existing)));
    }
  }
  const auto severity = declaration->severity.value_or(storage::Severity::sev3);
  if (who.config->is_major(severity)) {
    const std::string doing = fmt::format("declare a major incident ({})", to_string(severity));
    if (auto refusal = refuse_without(who, Permission::declare_major, doing)) return *refusal;
  }
  storage::Incident incident{.title = declaration->title,
                             .severity = severity,
                             .service = declaration->service,
                             .impact = declaration->impact,
                             .channel = own_channel ? "" : who.channel,
                             .declared_in = who.channel,
                             .owner = who.user,
                             .created_at = who.at};
  incident = store.create_incident(incident);
  const auto service = who.config->services.find(incident.service);
  const ServicePolicy* policy = service == who.config->services.end() ? nullptr : &service->second;
  const Escalation escalation =
      plan_escalation(*who.config, incident, incident.severity,
                      policy ? policy->owners : std::vector<std::string>{});
  storage::EventData data{{"severity", std::string(to_string(incident.severity))}};
  if (!incident.service.empty()) data.emplace("service", incident.service);
  if (!incident.impact.empty()) data.emplace("impact", incident.impact);
  describe_in(escalation, data);
  record(store, who, incident, storage::EventKind::declare, incident.title, std::move(data));

  const std::string runbook = policy ? policy->runbook : "";
  const std::string text = announcement(incident, !declaration->severity.has_value(), runbook);
  if (own_channel) open_channel(store, who, incident, text, runbook);
  // With a channel of its own, the announcement waits for it, so it can link to it.
  post(store, who, incident, Audience::announcement, "declared", text,
       {{"service", incident.service},
        {"impact", incident.impact},
        {"runbook", runbook},
        {"wait_for_channel", own_channel ? "true" : ""}},
       escalation.notify);
  queue_escalation(store, who, incident, escalation, text);
  return Reply::posted(text + summary_line(escalation));
}

}  // namespace

extern const Command declare{.name = "declare",
                             .usage = usage,
                             .summary = "Open a new incident; you become its owner.",
                             .run = run};

}  // namespace warroom::commands

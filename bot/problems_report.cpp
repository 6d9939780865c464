// Builds the problem list from the store: JSON with nlohmann/json, text for a terminal.
#include "bot/problems_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands/format.h"
#include "storage/store.h"

namespace warroom::bot {
namespace {

using nlohmann::json;

json incident_json(const storage::Incident& incident) {
  return {{"key", incident.key()},
          {"title", incident.title},
          {"severity", to_string(incident.severity)},
          {"status", to_string(incident.status)}};
}

// Continuation lines of a multi-line text keep the block's indentation.
std::string indented(const std::string& text, std::string_view indent) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace

std::string problems_json(storage::Store& store) {
  json problems = json::array();
  for (const auto& problem : store.problems()) {
    json incidents = json::array();
    for (const std::int64_t number : problem.incidents) {
      if (const auto incident = store.find_incident(number)) {
        incidents.push_back(incident_json(*incident));
      }
    }
    problems.push_back({{"key", problem.key()},
                        {"title", problem.title},
                        {"status", to_string(problem.status)},
                        {"workaround", problem.workaround},
                        {"created_at", format_utc(problem.created_at)},
                        {"created_by", problem.created_by},
                        {"incidents", incidents}});
  }
  return json{{"problems", problems}}.dump(2, ' ', false, json::error_handler_t::replace);
}

std::string problems_text(storage::Store& store) {
  const auto problems = store.problems();
  if (problems.empty()) return "No problem records yet.\n";
  std::string text;
  for (const auto& problem : problems) {
    text +=
        fmt::format("{} [{}] {}\n  opened {} by @{}\n", problem.key(), to_string(problem.status),
                    problem.title, commands::format_time(problem.created_at), problem.created_by);
    text += problem.workaround.empty()
                ? std::string("  no workaround yet\n")
                : "  workaround: " + indented(problem.workaround, "    ") + "\n";
    for (const std::int64_t number : problem.incidents) {
      if (const auto incident = store.find_incident(number)) {
        text += fmt::format("  {} {} {}: {}\n", incident->key(), to_string(incident->severity),
                            to_string(incident->status), incident->title);
      }
    }
  }
  return text;
}

}  // namespace warroom::bot

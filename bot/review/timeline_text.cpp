// What each kind of timeline event means, in words, for the review's timeline.
#include "bot/review/timeline_text.h"

#include <fmt/format.h>

namespace warroom::bot {
namespace {

std::string person(const std::string& user) {
  return user.empty() ? std::string("nobody") : "@" + user;
}

std::string with_text(std::string what, const std::string& text) {
  if (text.empty()) return what;
  return what.empty() ? text : what + ": " + text;
}

std::string declared(const storage::Event& event) {
  std::string what = fmt::format("{}: {}", storage::value_of(event.fields, "severity"), event.text);
  if (const auto service = storage::value_of(event.fields, "service"); !service.empty()) {
    what += " (service " + service + ")";
  }
  return what;
}

std::string action(const storage::Event& event) {
  const std::string number = storage::value_of(event.fields, "number");
  if (storage::value_of(event.fields, "done") == "true")
    return fmt::format("#{} done: {}", number, event.text);
  std::string what = fmt::format("#{} added: {}", number, event.text);
  const std::string owner = storage::value_of(event.fields, "owner");
  const std::string due = storage::value_of(event.fields, "due");
  if (!owner.empty()) what += " · owner @" + owner;
  if (!due.empty()) what += " · due " + due;
  return what;
}

}  // namespace

std::string describe_change(const storage::Event& event) {
  const std::string& kind = event.kind;
  const std::string from = storage::value_of(event.fields, "from");
  const std::string to = storage::value_of(event.fields, "to");
  if (kind == "declare") return declared(event);
  if (kind == "sev")
    return with_text(fmt::format("{} → {}", from, to), storage::value_of(event.fields, "reason"));
  if (kind == "status") return with_text(fmt::format("{} → {}", from, to), event.text);
  if (kind == "escalate") return with_text("brought in " + person(to), event.text);
  if (kind == "handover") {
    return with_text(fmt::format("{} → {}", person(from), person(to)), event.text);
  }
  if (kind == "assign") {
    std::string what = fmt::format("{}: {}", storage::value_of(event.fields, "role"), person(to));
    if (!from.empty()) what += " (was " + person(from) + ")";
    return what;
  }
  if (kind == "action") return action(event);
  // resolve, reopen and close carry from/to in their data, which the phase already shows.
  const bool known = kind == "ack" || kind == "update" || kind == "note" || kind == "resolve" ||
                     kind == "reopen" || kind == "close";
  if (!known && event.text.empty() && event.data != "{}") return event.data;
  return event.text;
}

}  // namespace warroom::bot

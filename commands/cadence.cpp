// Reminders for stakeholder updates that are late.
#include "commands/cadence.h"

#include <fmt/format.h>

#include <limits>

#include "commands/format.h"
#include "commands/record.h"

namespace warroom::commands {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

int reminder_level(const storage::Event& event) {
  return storage::value_of(event.fields, "level") == "2" ? 2 : 1;
}

void remind(storage::Store& store, const Invocation& who, const storage::Incident& incident,
            const CadenceState& state, int level) {
  const std::string interval = format_duration(duration_cast<milliseconds>(state.interval));
  const std::string silence = format_duration(who.at - state.since);
  const std::string severity(to_string(incident.severity));
  const std::string since = format_time(state.since);
  record(store, who, incident, storage::EventKind::reminder,
         fmt::format("no stakeholder update for {} ({} expects one every {})", silence, severity,
                     interval),
         {{"level", std::to_string(level)},
          {"interval", interval},
          {"since", format_utc(state.since)},
          {"owner", incident.owner}});
  if (level == 1) {
    const std::string text = fmt::format(
        "{}: {} ({}) has had no stakeholder update for {}; {} expects one every {}. Post one "
        "with `update <what stakeholders should know>`.",
        mention(incident.owner), incident.key(), severity, silence, severity, interval);
    post(store, who, incident, Audience::incident_channel, "reminder", text,
         {{"silence", silence}, {"interval", interval}, {"since", since}});
    return;
  }
  const std::string text = fmt::format(
      "{} ({}, owner {}) has had no stakeholder update for {}, twice its {} cadence: {}",
      incident.key(), severity, mention(incident.owner), silence, interval, incident.title);
  post(store, who, incident, Audience::listed, "overdue", text,
       {{"silence", silence}, {"interval", interval}, {"since", since}},
       {who.config->managers_channel});
}

}  // namespace

CadenceState cadence_state(storage::Store& store, const Config& config,
                           const storage::Incident& incident, TimePoint now) {
  CadenceState state{.since = incident.created_at,
                     .interval = config.update_interval(incident.severity)};
  const auto update = store.latest_event(incident.number, storage::EventKind::update);
  if (update) state.since = update->at;
  // Reminders count when they came after the latest update (by seq: both may share a time).
  if (const auto reminder = store.latest_event(incident.number, storage::EventKind::reminder);
      reminder && (!update || reminder->seq > update->seq)) {
    state.reminders = reminder_level(*reminder);
  }
  if (state.interval.count() > 0 && storage::is_open(incident.status)) {
    state.due_at = state.since + state.interval;
    state.overdue = now > *state.due_at;
  }
  return state;
}

ReminderCount send_due_reminders(storage::Store& store, const Config& config, TimePoint now) {
  ReminderCount count;
  const Invocation who{.user = std::string(scheduler_user),
                       .channel = "warroom:scheduler",  // never a real channel: posts go out
                       .at = now,
                       .config = &config};
  const auto open =
      store.list_incidents({.open_only = true, .limit = std::numeric_limits<std::size_t>::max()});
  for (const auto& incident : open) {
    const CadenceState state = cadence_state(store, config, incident, now);
    if (!state.overdue) continue;
    if (state.reminders < 1) {
      remind(store, who, incident, state, 1);
      ++count.owners;
    }
    if (state.reminders < 2 && now > *state.due_at + state.interval) {
      remind(store, who, incident, state, 2);
      ++count.managers;
    }
  }
  return count;
}

}  // namespace warroom::commands

// Timeline events and outbound messages for a change.
#include "commands/record.h"

#include <vector>

namespace warroom::commands {

storage::Event record(storage::Store& store, const Invocation& who,
                      const storage::Incident& incident, storage::EventKind kind, std::string text,
                      storage::EventData data) {
  return store.append_event(incident.number, storage::NewEvent{.at = who.at,
                                                               .actor = who.user,
                                                               .kind = kind,
                                                               .text = std::move(text),
                                                               .data = std::move(data)});
}

namespace {

// Where the incident's own channel is: bound, about to be created, or nowhere.
std::string incident_destination(const Invocation& who, const storage::Incident& incident) {
  if (!incident.channel.empty()) return incident.channel;
  if (who.config->incident_channels) return "incident:" + incident.key();
  return {};
}

}  // namespace

void post(storage::Store& store, const Invocation& who, const storage::Incident& incident,
          Audience audience, std::string_view template_name, const std::string& text,
          std::map<std::string, std::string> fields) {
  std::vector<std::string> destinations;
  const auto add = [&](const std::string& destination) {
    if (destination.empty() || destination == who.channel) return;
    for (const auto& known : destinations) {
      if (known == destination) return;
    }
    destinations.push_back(destination);
  };
  add(incident_destination(who, incident));
  if (audience == Audience::stakeholders) add(who.config->announce_channel);

  fields.emplace("key", incident.key());
  fields.emplace("title", incident.title);
  fields.emplace("severity", std::string(to_string(incident.severity)));
  fields.emplace("status", std::string(to_string(incident.status)));
  fields.emplace("owner", incident.owner);
  for (const auto& destination : destinations) {
    store.enqueue(storage::OutboxMessage{.incident = incident.number,
                                         .created_at = who.at,
                                         .destination = destination,
                                         .method = "chat.postMessage",
                                         .template_name = std::string(template_name),
                                         .text = text,
                                         .fields = fields});
  }
}

}  // namespace warroom::commands

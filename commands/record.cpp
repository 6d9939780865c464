// Timeline events and outbound messages for a change.
#include "commands/record.h"

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

std::string incident_destination(const Invocation& who, const storage::Incident& incident) {
  if (who.config->incident_channels) return "incident:" + incident.key();
  return incident.channel;
}

void post(storage::Store& store, const Invocation& who, const storage::Incident& incident,
          Audience audience, std::string_view template_name, const std::string& text,
          std::map<std::string, std::string> fields, const std::vector<std::string>& also) {
  std::vector<std::string> destinations;
  const auto add = [&](const std::string& destination) {
    const bool typed_there =
        destination == who.channel ||
        (destination == "incident:" + incident.key() && incident.channel == who.channel);
    if (destination.empty() || typed_there) return;
    for (const auto& known : destinations) {
      if (known == destination) return;
    }
    destinations.push_back(destination);
  };
  const bool incident_channel =
      audience == Audience::incident_channel || audience == Audience::stakeholders;
  const bool announcement =
      audience == Audience::announcement || audience == Audience::stakeholders;
  if (incident_channel) add(incident_destination(who, incident));
  if (announcement) add(who.config->announce_channel);
  for (const auto& channel : also) add(channel);

  fields.emplace("key", incident.key());
  fields.emplace("title", incident.title);
  fields.emplace("severity", std::string(to_string(incident.severity)));
  fields.emplace("status", std::string(to_string(incident.status)));
  fields.emplace("owner", incident.owner);
  fields.emplace("actor", who.user);
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

// The two side effects every change has: one timeline event, and the messages the bot posts
// to channels other than the one the command came from (through the outbox).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command.h"

namespace warroom::commands {

// Appends one event at the invocation's time, by the invoking user.
storage::Event record(storage::Store& store, const Invocation& who,
                      const storage::Incident& incident, storage::EventKind kind, std::string text,
                      storage::EventData data = {});

enum class Audience {
  incident_channel,  // the incident's own channel, when the command came from elsewhere
  stakeholders,      // that, and the announcement channel
  announcement,      // only the announcement channel
  listed,            // only the channels passed as `also`
};

// Where the incident's own channel is for the outbox: `incident:INC-7` while warroom creates
// channels (resolved at delivery, after conversations.create), else the bound channel.
std::string incident_destination(const Invocation& who, const storage::Incident& incident);

// Queues `text` (rendered from `template_name`) for the audience's channels, skipping the
// channel the command came from (the reply already shows it there). `fields` adds to the
// incident's key, title, severity, status, owner and the acting user (`actor`). `also` adds
// channels (the escalation matrix's notify list); each channel gets the message once.
void post(storage::Store& store, const Invocation& who, const storage::Incident& incident,
          Audience audience, std::string_view template_name, const std::string& text,
          std::map<std::string, std::string> fields = {},
          const std::vector<std::string>& also = {});

}  // namespace warroom::commands

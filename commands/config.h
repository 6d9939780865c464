// What a command may consult besides the store: where announcements go and whether each
// incident gets its own channel. Loaded at the edge from flags, environment and the JSON file.
#pragma once

#include <string>

namespace warroom::commands {

struct Config {
  // Stakeholder channel for declarations and updates; empty: no announcements.
  std::string announce_channel;
  // true: declare asks the chat platform for a channel of the incident's own (outbox);
  // false: the incident lives in the channel it was declared in.
  bool incident_channels = false;
};

}  // namespace warroom::commands

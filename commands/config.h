// What a command may consult besides the store: where announcements go and whether each
// incident gets its own channel. Loaded at the edge from flags, environment and the JSON file.
#pragma once

#include <array>
#include <chrono>
#include <string>

#include "storage/records.h"

namespace warroom::commands {

struct Config {
  // Stakeholder channel for declarations and updates; empty: no announcements.
  std::string announce_channel;
  // true: declare asks the chat platform for a channel of the incident's own (outbox);
  // false: the incident lives in the channel it was declared in.
  bool incident_channels = false;
  // This server's URL as users reach it (WARROOM_PUBLIC_URL), for links in replies such as
  // the review's; empty (the console): no links, the reply names the CLI verb instead.
  std::string public_url;
  // How often stakeholders must hear about an open incident, SEV1 first; zero: no cadence.
  std::array<std::chrono::minutes, 4> update_every{std::chrono::minutes(30), std::chrono::hours(1),
                                                   std::chrono::hours(4), std::chrono::minutes(0)};

  std::chrono::minutes update_interval(storage::Severity severity) const {
    return update_every.at(static_cast<std::size_t>(severity) - 1);
  }
};

}  // namespace warroom::commands

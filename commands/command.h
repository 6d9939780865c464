// The one interface every command implements: who is asking (Invocation), what they typed
// after the command's name (Arguments), and the Store inside the caller's transaction.
// Exports Invocation, Reply, Command.
#pragma once

#include <string>
#include <string_view>

#include "commands/arguments.h"
#include "commands/config.h"
#include "storage/store.h"
#include "storage/time.h"

namespace warroom::commands {

enum class Platform { console, slack };

// One command as a platform adapter hands it over: plain text (no platform markup; mentions
// as `@user`), who typed it, where, and when (from the injected clock).
struct Invocation {
  std::string user;     // platform user id; the console's --as name
  std::string channel;  // where it was typed
  Platform platform = Platform::console;
  std::string text;  // the command line, with or without a leading `/incident`
  TimePoint at{};
  const Config* config = nullptr;  // never null when a command runs
};

enum class Visibility { ephemeral, in_channel };
enum class Outcome { ok, refused };
std::string_view to_string(Outcome outcome);

// A command's answer. `ok` replies to changes are in_channel; help, errors and reads are
// ephemeral. A refused reply means the caller must roll back: nothing may change.
struct Reply {
  Visibility visibility = Visibility::ephemeral;
  Outcome outcome = Outcome::ok;
  std::string text;

  // "what was wrong. Usage: <usage>" (ephemeral).
  static Reply refused(std::string_view what, std::string_view usage = {});
  static Reply shown(std::string text);   // ephemeral read (show, list, help…)
  static Reply posted(std::string text);  // in_channel: something changed
};

struct Command {
  std::string_view name;     // "handover"
  std::string_view usage;    // "handover @user [note]"
  std::string_view summary;  // one line for `help`
  Reply (*run)(const Invocation& who, Arguments args, storage::Store& store);
  // An INC-n right after the name is the command's argument (`link INC-3`), not the incident
  // it is about: that one is then named before the command or implied by the channel.
  bool takes_incident_argument = false;
};

}  // namespace warroom::commands

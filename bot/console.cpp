// The terminal console: the same commands as chat, one transaction per line.
#include "bot/console.h"

#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "bot/command_runner.h"
#include "commands/format.h"
#include "commands/text.h"
#include "storage/database.h"
#include "storage/error.h"
#include "storage/migrations.h"

namespace warroom::bot {
namespace {

// Reads one line but keeps at most `limit + 1` bytes, so an endless line cannot exhaust
// memory; `length` is the line's full length. nullopt at the end of input.
std::optional<std::string> read_line(std::istream& in, std::size_t limit, std::size_t& length) {
  std::string line;
  length = 0;
  bool any = false;
  for (int c = in.rdbuf()->sbumpc(); c != std::char_traits<char>::eof(); c = in.rdbuf()->sbumpc()) {
    any = true;
    if (c == '\n') break;
    ++length;
    if (line.size() <= limit) line.push_back(static_cast<char>(c));
  }
  if (!any) return std::nullopt;
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
    --length;
  }
  return line;
}

std::string as_console_text(std::string_view text) {
  const std::string plain = commands::render_mentions(
      text, [](std::string_view user) { return "@" + std::string(user); });
  std::string indented;
  for (const char c : plain) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  return indented;
}

void print_result(const CommandResult& result, const std::string& channel, std::ostream& out) {
  const bool everyone = result.reply.visibility == commands::Visibility::in_channel;
  out << (everyone ? fmt::format("[#{}] ", channel) : std::string("[only you] "))
      << as_console_text(result.reply.text) << '\n';
  for (const auto& message : result.queued) {
    if (message.method != "chat.postMessage") continue;
    out << fmt::format("[bot → {}] ", message.destination) << as_console_text(message.text) << '\n';
  }
}

}  // namespace

int run_console(const ConsoleOptions& options, const commands::Clock& clock, std::istream& in,
                std::ostream& out) {
  storage::Database db(options.database_path);
  storage::migrate(db);
  if (options.interactive) {
    out << fmt::format(
        "warroom console: you are @{} in #{}. `help` lists the commands; Ctrl-D "
        "quits.\n",
        options.user, options.channel);
  }
  int exit_code = 0;
  std::size_t length = 0;
  while (true) {
    if (options.interactive) out << "warroom> " << std::flush;
    const auto line = read_line(in, commands::max_line_bytes, length);
    if (!line) break;
    if (line->find_first_not_of(" \t") == std::string::npos) continue;
    const commands::Invocation who{.user = options.user,
                                   .channel = options.channel,
                                   .platform = commands::Platform::console,
                                   .text = commands::repair_utf8(*line),
                                   .at = clock.now(),
                                   .config = &options.config};
    try {
      if (length > commands::max_line_bytes) {
        print_result({commands::Reply::refused(commands::too_long_message(length)), {}},
                     options.channel, out);
        continue;
      }
      print_result(run_command(db, who), options.channel, out);
    } catch (const storage::Error& error) {
      out << "[error] the database failed, nothing was changed: " << error.what() << '\n';
      exit_code = 1;
    }
  }
  out << std::flush;
  return exit_code;
}

}  // namespace warroom::bot

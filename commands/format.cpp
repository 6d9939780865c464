// Formatting of people, times and incidents for reply text.
#include "commands/format.h"

#include <fmt/format.h>

namespace warroom::commands {
namespace {

constexpr char mention_open = '\x1E';
constexpr char mention_close = '\x1F';

}  // namespace

std::string mention(std::string_view user) {
  return fmt::format("{}{}{}", mention_open, user, mention_close);
}

std::string render_mentions(std::string_view text,
                            const std::function<std::string(std::string_view)>& render) {
  std::string rendered;
  rendered.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const auto open = text.find(mention_open, at);
    const auto close = open == std::string_view::npos ? open : text.find(mention_close, open);
    if (close == std::string_view::npos) break;
    rendered.append(text.substr(at, open - at));
    rendered += render(text.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  rendered.append(text.substr(std::min(at, text.size())));
  return rendered;
}

std::string format_time(TimePoint at) {
  const std::string utc = format_utc(at);  // 2026-11-24T06:01:02.000Z
  return fmt::format("{} {} UTC", utc.substr(0, 10), utc.substr(11, 5));
}

std::string format_duration(std::chrono::milliseconds duration) {
  using std::chrono::duration_cast;
  const auto seconds =
      std::max<std::int64_t>(0, duration_cast<std::chrono::seconds>(duration).count());
  const auto days = seconds / 86400;
  const auto hours = seconds % 86400 / 3600;
  const auto minutes = seconds % 3600 / 60;
  if (days > 0) return fmt::format("{}d {}h", days, hours);
  if (hours > 0) return fmt::format("{}h {:02}m", hours, minutes);
  if (minutes > 0) return fmt::format("{}m", minutes);
  return fmt::format("{}s", seconds);
}

std::string describe(const storage::Incident& incident) {
  return fmt::format("{} ({}, {}, owner {}): {}", incident.key(), to_string(incident.severity),
                     to_string(incident.status), mention(incident.owner), incident.title);
}

}  // namespace warroom::commands

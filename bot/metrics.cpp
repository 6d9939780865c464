// The in-process counters behind GET /metrics. Every update is one relaxed atomic add: the
// figures are independent counters, and a scrape reads each bucket once and derives the
// cumulative counts from that one reading, so `le="+Inf"` always equals `_count`.
#include "bot/metrics.h"

#include <algorithm>

#include "commands/registry.h"

namespace warroom::bot {
namespace {

constexpr std::string_view unknown_command = "unknown";

// The route groups, in the order a scrape lists them; "other" last catches everything else.
constexpr std::array<std::string_view, 10> path_groups = {
    "/slack/commands", "/slack/events", "/slack/interactions", "/healthz",  "/readyz",
    "/metrics",        "/status",       "/incidents",          "/problems", "other"};

std::size_t group_index(std::string_view group) {
  const auto* found = std::find(path_groups.begin(), path_groups.end(), group);
  return static_cast<std::size_t>(found - path_groups.begin());
}

}  // namespace

std::string_view path_group(std::string_view path) {
  for (const std::string_view exact : {"/slack/commands", "/slack/events", "/slack/interactions",
                                       "/healthz", "/readyz", "/metrics"}) {
    if (path == exact) return exact;
  }
  if (path == "/status" || path == "/status.json") return "/status";
  if (path.starts_with("/incidents/")) return "/incidents";
  if (path == "/problems.json") return "/problems";
  return "other";
}

std::string_view to_string(Metrics::CommandOutcome outcome) {
  switch (outcome) {
    case Metrics::CommandOutcome::ok:
      return "ok";
    case Metrics::CommandOutcome::refused:
      return "refused";
    case Metrics::CommandOutcome::error:
      return "error";
  }
  return "error";
}

Metrics::Metrics() : requests_(path_groups.size()) {
  for (const commands::Command* command : commands::all_commands()) {
    command_names_.push_back(command->name);
  }
  command_names_.push_back(unknown_command);
  commands_ = std::vector<std::array<std::atomic<std::uint64_t>, outcomes>>(command_names_.size());
}

void Metrics::count_command(std::string_view command, CommandOutcome outcome) {
  const auto found = std::find(command_names_.begin(), command_names_.end() - 1, command);
  const auto index = static_cast<std::size_t>(found - command_names_.begin());
  commands_.at(index).at(static_cast<std::size_t>(outcome)).fetch_add(1, std::memory_order_relaxed);
}

void Metrics::observe_request(std::string_view path, std::chrono::nanoseconds took) {
  Histogram& histogram = requests_.at(group_index(path_group(path)));
  const double seconds = std::chrono::duration<double>(took).count();
  const auto* bucket = std::find_if(bucket_bounds.begin(), bucket_bounds.end(),
                                    [seconds](double bound) { return seconds <= bound; });
  histogram.buckets.at(static_cast<std::size_t>(bucket - bucket_bounds.begin()))
      .fetch_add(1, std::memory_order_relaxed);
  histogram.sum_nanoseconds.fetch_add(
      static_cast<std::uint64_t>(std::max<std::int64_t>(0, took.count())),
      std::memory_order_relaxed);
}

std::vector<Metrics::CommandCount> Metrics::command_counts() const {
  std::vector<CommandCount> counts;
  for (std::size_t i = 0; i < command_names_.size(); ++i) {
    for (std::size_t outcome = 0; outcome < outcomes; ++outcome) {
      counts.push_back({.command = command_names_[i],
                        .outcome = static_cast<CommandOutcome>(outcome),
                        .count = commands_[i][outcome].load(std::memory_order_relaxed)});
    }
  }
  return counts;
}

std::vector<Metrics::RequestDurations> Metrics::request_durations() const {
  std::vector<RequestDurations> durations;
  for (std::size_t group = 0; group < path_groups.size(); ++group) {
    const Histogram& histogram = requests_[group];
    RequestDurations entry{.path = path_groups.at(group)};
    std::uint64_t running = 0;
    for (std::size_t i = 0; i < histogram.buckets.size(); ++i) {
      running += histogram.buckets[i].load(std::memory_order_relaxed);
      entry.cumulative.at(i) = running;
    }
    entry.count = running;
    entry.sum_seconds =
        static_cast<double>(histogram.sum_nanoseconds.load(std::memory_order_relaxed)) / 1e9;
    durations.push_back(entry);
  }
  return durations;
}

}  // namespace warroom::bot

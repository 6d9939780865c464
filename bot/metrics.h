// The in-process figures of `warroom serve` for GET /metrics: commands run, by command and
// outcome, and HTTP request durations by route group. Lock-free (relaxed atomics), so the
// 256 HTTP threads and the writer count without waiting. Exports Metrics, path_group.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

namespace warroom::bot {

// The route group a request path is counted under: one of a closed set ("/slack/commands",
// "/status", "/incidents", … and "other" for anything else), never the raw path, so user
// input cannot grow the number of series.
std::string_view path_group(std::string_view path);

class Metrics {
 public:
  enum class CommandOutcome { ok, refused, error };

  // Upper bounds of the request duration buckets, in seconds (+Inf comes after them).
  static constexpr std::array<double, 12> bucket_bounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  Metrics();

  // `command` is a registry name or "unknown" (commands::command_name); any other name is
  // counted as "unknown".
  void count_command(std::string_view command, CommandOutcome outcome);
  // Counts one request under path_group(path).
  void observe_request(std::string_view path, std::chrono::nanoseconds took);

  struct CommandCount {
    std::string_view command;
    CommandOutcome outcome = CommandOutcome::ok;
    std::uint64_t count = 0;
  };
  // Every command of the registry then "unknown", each with every outcome, zeros included.
  [[nodiscard]] std::vector<CommandCount> command_counts() const;

  struct RequestDurations {
    std::string_view path;  // the route group
    // Cumulative counts per bucket_bounds entry, then +Inf (which equals `count`). Read from
    // one pass over the buckets, so they are consistent with each other.
    std::array<std::uint64_t, bucket_bounds.size() + 1> cumulative{};
    std::uint64_t count = 0;
    double sum_seconds = 0;
  };
  // Every route group, in a fixed order, with or without requests.
  [[nodiscard]] std::vector<RequestDurations> request_durations() const;

 private:
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, bucket_bounds.size() + 1> buckets{};  // not cumulative
    std::atomic<std::uint64_t> sum_nanoseconds{0};
  };
  static constexpr std::size_t outcomes = 3;

  std::vector<std::string_view> command_names_;  // the registry's, then "unknown"
  std::vector<std::array<std::atomic<std::uint64_t>, outcomes>> commands_;
  std::vector<Histogram> requests_;  // one per route group
};

std::string_view to_string(Metrics::CommandOutcome outcome);  // "ok", "refused", "error"

}  // namespace warroom::bot

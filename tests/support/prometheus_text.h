// A checker for Prometheus text exposition format 0.0.4 (what `promtool check metrics`
// enforces, for machines without promtool): name grammar, HELP and TYPE before samples, one
// TYPE per family, families grouped, label escaping, histogram buckets, trailing newline.
// Exports PrometheusSample, PrometheusPage, check_prometheus_text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warroom::testing {

using PrometheusLabels = std::map<std::string, std::string>;

struct PrometheusSample {
  std::string name;         // as written: `x_bucket`, `x_sum`…
  PrometheusLabels labels;  // values unescaped
  double value = 0;
};

struct PrometheusPage {
  // Every rule the page breaks, one sentence each naming the line; empty: the page is valid.
  std::vector<std::string> problems;
  std::map<std::string, std::string> types;  // family → counter, gauge, histogram…
  std::map<std::string, std::string> help;   // family → help text, as written
  std::vector<PrometheusSample> samples;     // in page order

  // The value of sample `name` with exactly `labels`; nullopt when the page has none.
  [[nodiscard]] std::optional<double> value(const std::string& name,
                                            const PrometheusLabels& labels = {}) const;
};

// Parses and checks `page`. Beyond the format itself it requires what promtool's lint
// requires: a HELP and a TYPE line for every family, and counters named `…_total`.
// Histograms: per label set, buckets with increasing `le` and non-decreasing counts, a
// `le="+Inf"` bucket equal to `_count`, and `_sum` and `_count` samples.
PrometheusPage check_prometheus_text(std::string_view page);

}  // namespace warroom::testing

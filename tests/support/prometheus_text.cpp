// Checking Prometheus text format 0.0.4: a line parser, then the per-family and histogram
// rules over what it read.
#include "tests/support/prometheus_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>

namespace warroom::testing {
namespace {

constexpr std::string_view bucket_suffix = "_bucket";
constexpr std::string_view sum_suffix = "_sum";
constexpr std::string_view count_suffix = "_count";

bool is_name_start(char c, bool colon_allowed) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         (colon_allowed && c == ':');
}

bool is_name_char(char c, bool colon_allowed) {
  return is_name_start(c, colon_allowed) || std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Metric names: [a-zA-Z_:][a-zA-Z0-9_:]*; label names: [a-zA-Z_][a-zA-Z0-9_]*.
bool is_valid_name(std::string_view name, bool colon_allowed) {
  return !name.empty() && is_name_start(name.front(), colon_allowed) &&
         std::ranges::all_of(name,
                             [colon_allowed](char c) { return is_name_char(c, colon_allowed); });
}

std::optional<double> parse_value(std::string_view text) {
  if (text == "+Inf" || text == "Inf") return HUGE_VAL;
  if (text == "-Inf") return -HUGE_VAL;
  if (text == "NaN") return std::nan("");
  if (text.empty()) return std::nullopt;
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  return value;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string series_key(const std::string& name, const PrometheusLabels& labels,
                       std::string_view without = {}) {
  std::string key = name;
  key += '{';
  for (const auto& [label, value] : labels) {
    if (label == without) continue;
    key.append(label).append("=").append(value).append(",");
  }
  return key + "}";
}

// What one histogram series (a family and its labels without `le`) says.
struct HistogramSeries {
  std::vector<std::pair<double, double>> buckets;  // le, count, in page order
  std::optional<double> sum;
  std::optional<double> count;
};

void check_histogram_series(const std::string& key, const HistogramSeries& series,
                            std::vector<std::string>& problems) {
  for (std::size_t i = 1; i < series.buckets.size(); ++i) {
    if (!(series.buckets[i].first > series.buckets[i - 1].first)) {
      problems.push_back(key + ": le bounds are not increasing");
    }
    if (series.buckets[i].second < series.buckets[i - 1].second) {
      problems.push_back(key + ": bucket counts decrease (not cumulative)");
    }
  }
  if (series.buckets.empty() || !std::isinf(series.buckets.back().first)) {
    problems.push_back(key + ": no le=\"+Inf\" bucket last");
  }
  if (!series.sum) problems.push_back(key + ": no _sum");
  if (!series.count) problems.push_back(key + ": no _count");
  if (series.count && !series.buckets.empty() && series.buckets.back().second != *series.count) {
    problems.push_back(key + ": le=\"+Inf\" differs from _count");
  }
}

class Checker {
 public:
  explicit Checker(PrometheusPage& page) : page_(page) {}

  void check_line(std::string_view line, std::size_t number) {
    number_ = number;
    if (line.empty()) return;
    if (line.front() == '#') return check_comment(line);
    check_sample(line);
  }

  void check_histograms();

 private:
  void problem(const std::string& what) {
    page_.problems.push_back("line " + std::to_string(number_) + ": " + what);
  }

  // Moves to `family`'s group; a family seen before in another group is a problem.
  void enter_family(const std::string& family) {
    if (family == current_) return;
    if (!current_.empty()) finished_.insert(current_);
    if (finished_.contains(family)) problem(family + " is split into more than one group");
    current_ = family;
  }

  void check_comment(std::string_view line);
  void check_type(const std::string& name, const std::string& type);
  void check_sample(std::string_view line);
  std::optional<PrometheusLabels> parse_labels(std::string_view line, std::size_t& at);
  std::optional<std::string> parse_label_value(std::string_view line, std::size_t& at,
                                               const std::string& label);
  [[nodiscard]] std::string family_of(const std::string& name) const;
  [[nodiscard]] std::string type_of(const std::string& family) const {
    const auto found = page_.types.find(family);
    return found == page_.types.end() ? std::string() : found->second;
  }

  PrometheusPage& page_;
  std::size_t number_ = 0;
  std::string current_;
  std::set<std::string> finished_;
  std::set<std::string> with_samples_;
  std::set<std::string> series_;
};

void Checker::check_comment(std::string_view line) {
  std::istringstream words{std::string(line)};
  std::string hash;
  std::string keyword;
  std::string name;
  words >> hash >> keyword >> name;
  if (hash != "#" || (keyword != "HELP" && keyword != "TYPE")) return;  // a plain comment
  if (!is_valid_name(name, true)) return problem("invalid metric name \"" + name + "\"");
  std::string rest;
  std::getline(words >> std::ws, rest);
  enter_family(name);
  if (with_samples_.contains(name)) problem(keyword + " for " + name + " after its samples");
  if (keyword == "TYPE") return check_type(name, rest);
  if (page_.help.contains(name)) problem("second HELP line for " + name);
  page_.help[name] = rest;
}

void Checker::check_type(const std::string& name, const std::string& type) {
  static const std::set<std::string> types = {"counter", "gauge", "histogram", "summary",
                                              "untyped"};
  if (page_.types.contains(name)) problem("second TYPE line for " + name);
  if (!types.contains(type)) problem("unknown type \"" + type + "\" for " + name);
  if (type == "counter" && !ends_with(name, "_total")) {
    problem("counter " + name + " is not named …_total");
  }
  page_.types[name] = type;
}

std::string Checker::family_of(const std::string& name) const {
  for (const std::string_view suffix : {bucket_suffix, sum_suffix, count_suffix}) {
    if (!ends_with(name, suffix)) continue;
    std::string base = name.substr(0, name.size() - suffix.size());
    const std::string type = type_of(base);
    if (type == "histogram" || (type == "summary" && suffix != bucket_suffix)) return base;
  }
  return name;
}

// From just after `="` to just after the closing quote; unescapes \\, \" and \n.
std::optional<std::string> Checker::parse_label_value(std::string_view line, std::size_t& at,
                                                      const std::string& label) {
  std::string value;
  while (at < line.size() && line[at] != '"') {
    if (line[at] != '\\') {
      value += line[at++];
      continue;
    }
    const char escaped = at + 1 < line.size() ? line[at + 1] : '\0';
    if (escaped != '\\' && escaped != '"' && escaped != 'n') {
      problem("invalid escape in the value of label " + label);
      return std::nullopt;
    }
    value += escaped == 'n' ? '\n' : escaped;
    at += 2;
  }
  if (at >= line.size()) {
    problem("unterminated value of label " + label);
    return std::nullopt;
  }
  ++at;  // the closing quote
  return value;
}

// From `{` to just after `}`.
std::optional<PrometheusLabels> Checker::parse_labels(std::string_view line, std::size_t& at) {
  PrometheusLabels labels;
  ++at;
  while (at < line.size() && line[at] != '}') {
    const std::size_t start = at;
    while (at < line.size() && is_name_char(line[at], false)) ++at;
    const std::string label(line.substr(start, at - start));
    if (!is_valid_name(label, false)) {
      problem("invalid label name \"" + label + "\"");
      return std::nullopt;
    }
    if (label.starts_with("__")) problem("label name " + label + " is reserved");
    if (at + 1 >= line.size() || line[at] != '=' || line[at + 1] != '"') {
      problem("label " + label + " needs =\"value\"");
      return std::nullopt;
    }
    at += 2;
    auto value = parse_label_value(line, at, label);
    if (!value) return std::nullopt;
    if (!labels.emplace(label, std::move(*value)).second)
      problem("label " + label + " given twice");
    if (at < line.size() && line[at] == ',') {
      ++at;
    } else if (at < line.size() && line[at] != '}') {
      problem("expected , or } after label " + label);
      return std::nullopt;
    }
  }
  if (at >= line.size()) {
    problem("unterminated label set");
    return std::nullopt;
  }
  ++at;
  return labels;
}

void Checker::check_sample(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && is_name_char(line[at], true)) ++at;
  const std::string name(line.substr(0, at));
  if (!is_valid_name(name, true)) {
    return problem("invalid metric name in \"" + std::string(line) + "\"");
  }
  PrometheusLabels labels;
  if (at < line.size() && line[at] == '{') {
    auto parsed = parse_labels(line, at);
    if (!parsed) return;
    labels = std::move(*parsed);
  }
  if (at >= line.size() || line[at] != ' ') {
    return problem("expected a space and a value after " + name);
  }
  std::istringstream rest{std::string(line.substr(at))};
  std::string value_text;
  std::string timestamp;
  std::string extra;
  rest >> value_text >> timestamp >> extra;
  const auto value = parse_value(value_text);
  if (!value) return problem("invalid value \"" + value_text + "\" of " + name);
  if (!timestamp.empty() && timestamp.find_first_not_of("-0123456789") != std::string::npos) {
    problem("invalid timestamp \"" + timestamp + "\" of " + name);
  }
  if (!extra.empty()) problem("unexpected text after the value of " + name);

  const std::string family = family_of(name);
  enter_family(family);
  with_samples_.insert(family);
  if (!page_.types.contains(family)) problem("sample " + name + " has no TYPE line before it");
  if (!page_.help.contains(family)) problem("sample " + name + " has no HELP line before it");
  if (type_of(family) == "counter" && !(*value >= 0)) problem("counter " + name + " is negative");
  if (!series_.insert(series_key(name, labels)).second) {
    problem("duplicate sample " + series_key(name, labels));
  }
  page_.samples.push_back({.name = name, .labels = std::move(labels), .value = *value});
}

void Checker::check_histograms() {
  std::map<std::string, HistogramSeries> all;  // by family and labels without le
  for (const auto& sample : page_.samples) {
    const std::string family = family_of(sample.name);
    if (type_of(family) != "histogram") continue;
    HistogramSeries& series = all[series_key(family, sample.labels, "le")];
    const std::string_view suffix = std::string_view(sample.name).substr(family.size());
    if (suffix == bucket_suffix) {
      const auto le = sample.labels.find("le");
      const auto bound = le == sample.labels.end() ? std::nullopt : parse_value(le->second);
      if (!bound) page_.problems.push_back("bucket of " + family + " without a valid le label");
      if (bound) series.buckets.emplace_back(*bound, sample.value);
    } else if (suffix == sum_suffix) {
      series.sum = sample.value;
    } else if (suffix == count_suffix) {
      series.count = sample.value;
    } else {
      page_.problems.push_back("histogram " + family + " has a plain sample " + sample.name);
    }
  }
  for (const auto& [key, series] : all) check_histogram_series(key, series, page_.problems);
}

}  // namespace

std::optional<double> PrometheusPage::value(const std::string& name,
                                            const PrometheusLabels& labels) const {
  for (const auto& sample : samples) {
    if (sample.name == name && sample.labels == labels) return sample.value;
  }
  return std::nullopt;
}

PrometheusPage check_prometheus_text(std::string_view page) {
  PrometheusPage checked;
  if (page.empty() || page.back() != '\n') {
    checked.problems.emplace_back("the page does not end with a newline");
  }
  Checker checker(checked);
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < page.size()) {
    const std::size_t end = std::min(page.find('\n', start), page.size());
    const std::string_view line = page.substr(start, end - start);
    ++number;
    if (line.find('\r') != std::string_view::npos) {
      checked.problems.push_back("line " + std::to_string(number) + ": carriage return");
    }
    checker.check_line(line, number);
    start = end + 1;
  }
  checker.check_histograms();
  return checked;
}

}  // namespace warroom::testing

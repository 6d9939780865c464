// Reads warroom's environment variables and secret files.
#include "bot/environment.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace warroom::bot {

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start-up
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::optional<std::string> secret(const std::string& name) {
  if (auto value = environment(name.c_str())) return value;
  const auto path = environment((name + "_FILE").c_str());
  if (!path) return std::nullopt;
  std::ifstream file(*path);
  if (!file) throw std::runtime_error(name + "_FILE names a file that cannot be read");
  std::stringstream contents;
  contents << file.rdbuf();
  std::string value = contents.str();
  if (!value.empty() && value.back() == '\n') value.pop_back();
  if (!value.empty() && value.back() == '\r') value.pop_back();
  if (value.empty()) return std::nullopt;
  return value;
}

commands::Config config_from_environment() {
  commands::Config config;
  config.announce_channel = environment("WARROOM_ANNOUNCE_CHANNEL").value_or("");
  const auto channels = environment("WARROOM_INCIDENT_CHANNELS");
  config.incident_channels = channels ? *channels == "on" : secret("SLACK_BOT_TOKEN").has_value();
  return config;
}

}  // namespace warroom::bot

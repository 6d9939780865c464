// Reads warroom's environment variables and secret files.
#include "bot/environment.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "bot/config_file.h"

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

commands::Config load_config(const std::optional<std::string>& config_flag) {
  commands::Config config;
  if (const auto path = config_flag ? config_flag : environment("WARROOM_CONFIG")) {
    config = load_config_file(*path, std::move(config));
  }
  if (auto announce = environment("WARROOM_ANNOUNCE_CHANNEL")) {
    config.announce_channel = std::move(*announce);
  }
  const auto channels = environment("WARROOM_INCIDENT_CHANNELS");
  config.incident_channels = channels ? *channels == "on" : secret("SLACK_BOT_TOKEN").has_value();
  return config;
}

}  // namespace warroom::bot

namespace warroom::bot {

void read_serve_environment(ServeOptions& options) {
  options.signing_secret = secret("SLACK_SIGNING_SECRET").value_or("");
  options.bot_token = secret("SLACK_BOT_TOKEN").value_or("");
  options.slack_api_url = environment("WARROOM_SLACK_API_URL").value_or(options.slack_api_url);
  if (const auto hosts = environment("WARROOM_SLACK_HOOKS_HOSTS")) {
    options.hooks_hosts.clear();
    std::stringstream list(*hosts);
    for (std::string host; std::getline(list, host, ',');) {
      if (!host.empty()) options.hooks_hosts.push_back(host);
    }
  }
  options.public_url = environment("WARROOM_PUBLIC_URL")
                           .value_or("http://" + options.bind + ":" + std::to_string(options.port));
  options.templates_folder = environment("WARROOM_TEMPLATES").value_or("");
  options.read_token = secret("WARROOM_READ_TOKEN").value_or("");
  options.config.public_url = options.public_url;  // for links in replies (`review`)
}

}  // namespace warroom::bot

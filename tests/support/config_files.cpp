#include "tests/support/config_files.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "bot/config_file.h"

namespace warroom::testing {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  return path.string();
}

std::filesystem::path source_file(const std::string& relative) {
  return std::filesystem::path(WARROOM_SOURCE_DIR) / relative;
}

commands::Config loaded(const std::string& text) {
  return bot::apply_config_text(text, "warroom.json", commands::Config{});
}

std::string refusal(const std::string& text) {
  try {
    loaded(text);
  } catch (const bot::ConfigError& error) {
    return error.what();
  }
  return "(accepted)";
}

std::string documented_example() {
  const std::string doc = read_text(source_file("docs/configuration.md"));
  const std::string fence = "```jsonc\n";
  const auto begin = doc.find(fence);
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("```", begin + fence.size());
  REQUIRE(end != std::string::npos);
  return doc.substr(begin + fence.size(), end - begin - fence.size());
}

}  // namespace warroom::testing

// Loads, checks and renders the mustache templates.
#include "templates/templates.h"

#include <filesystem>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <stdexcept>

#include "templates/builtin.h"

namespace warroom::templates {
namespace {

std::string check(const std::string& name, const std::string& source) {
  const kainjow::mustache::mustache parsed{source};
  if (parsed.is_valid()) return {};
  return name + ".mustache: " + parsed.error_message();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(path.string() + ": cannot be read");
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace

Templates::Templates(const std::string& override_folder) {
  for (const auto& builtin : builtin_templates()) {
    sources_.emplace(std::string(builtin.name), std::string(builtin.source));
  }
  if (override_folder.empty()) return;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(override_folder, error)) {
    if (entry.path().extension() != ".mustache") continue;
    const std::string name = entry.path().stem().string();
    std::string source = read_file(entry.path());
    if (auto problem = check(name, source); !problem.empty()) {
      throw std::runtime_error((std::filesystem::path(override_folder) / problem).string());
    }
    sources_[name] = std::move(source);
  }
  if (error) {
    throw std::runtime_error("WARROOM_TEMPLATES " + override_folder + ": " + error.message());
  }
}

bool Templates::has(std::string_view name) const {
  return sources_.find(name) != sources_.end();
}

commands::Expected<std::string> Templates::render(std::string_view name,
                                                  const std::map<std::string, std::string>& fields,
                                                  const Escape& escape) const {
  const auto found = sources_.find(name);
  if (found == sources_.end()) {
    return commands::unexpected("no template named " + std::string(name) + ".mustache");
  }
  kainjow::mustache::mustache parsed{found->second};
  if (!parsed.is_valid()) return commands::unexpected(check(found->first, found->second));
  parsed.set_custom_escape(escape);
  kainjow::mustache::data data;
  for (const auto& [key, value] : fields) {
    if (!value.empty()) data.set(key, value);
  }
  return parsed.render(data);
}

}  // namespace warroom::templates

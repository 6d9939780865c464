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

// Moves `data` into kainjow's form without deep copies. kainjow's list constructor, push_back
// and set all copy whole subtrees (a 10,000-event timeline took tens of milliseconds, see
// PITFALLS.md), so each list is created empty and filled in place through list_value(): that
// vector is a heap object kainjow owns and never declared const, so writing through the
// const_cast is well defined.
kainjow::mustache::data to_kainjow(Data&& source) {
  using kainjow::mustache::data;
  data object;
  for (auto& [key, value] : source.text) {
    if (!value.empty()) object[key] = data(value);
  }
  for (const auto& [key, value] : source.flags) object[key] = data(value);
  for (auto& [key, items] : source.lists) {
    data list(data::type::list);
    auto& elements = const_cast<kainjow::mustache::list&>(list.list_value());  // NOLINT
    elements.reserve(items.size());
    for (auto& item : items) elements.push_back(to_kainjow(std::move(item)));
    items.clear();
    object[key] = std::move(list);
  }
  return object;
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
  return render_document(name, Data{.text = fields}, escape);
}

commands::Expected<std::string> Templates::render_document(std::string_view name, Data data,
                                                           const Escape& escape) const {
  const auto found = sources_.find(name);
  if (found == sources_.end()) {
    return commands::unexpected("no template named " + std::string(name) + ".mustache");
  }
  kainjow::mustache::mustache parsed{found->second};
  if (!parsed.is_valid()) return commands::unexpected(check(found->first, found->second));
  parsed.set_custom_escape(escape);
  std::string rendered = parsed.render(to_kainjow(std::move(data)));
  if (!parsed.is_valid()) {
    return commands::unexpected(found->first + ".mustache: " + parsed.error_message());
  }
  return rendered;
}

}  // namespace warroom::templates

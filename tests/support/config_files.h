// Config files in tests: loading text through the real loader, the refusal it gives, files
// from the source tree (the shipped example, the documented one), and writing temp files.
#pragma once

#include <filesystem>
#include <string>

#include "commands/config.h"

namespace warroom::testing {

// The whole file, bytes as they are.
std::string read_text(const std::filesystem::path& path);
// Writes `text` to `path` (replacing it) and returns the path as a string.
std::string write_file(const std::filesystem::path& path, const std::string& text);
// A file of the source tree: source_file("warroom.example.json").
std::filesystem::path source_file(const std::string& relative);

// `text` applied over the defaults as the file "warroom.json".
commands::Config loaded(const std::string& text);
// The ConfigError's message for `text`, or "(accepted)".
std::string refusal(const std::string& text);
// The first ```jsonc block of docs/configuration.md: the commented example users copy.
std::string documented_example();

}  // namespace warroom::testing

// A config file's JSON and the words of its errors, for bot/config_file: parsing (comments
// allowed, a key given twice in one object refused), key paths like `severities.SEV1` or
// `groups["on call"][2]`, and what a value is when it is not what was expected.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace warroom::bot::config_json {

// Throws ConfigError with one line: `source: path: problem` (no path: `source: problem`),
// control characters replaced.
[[noreturn]] void fail(std::string_view source, std::string_view path, std::string_view problem);

// The file parsed, JSON comments allowed. Throws ConfigError naming the line and column of a
// syntax error, or the path of a key given twice in one object.
nlohmann::json parse_config_json(std::string_view text, const std::string& source);

bool is_control(unsigned char c);

// A string as JSON writes it: quoted, control characters escaped, invalid UTF-8 replaced,
// cut after 80 bytes so a pasted blob cannot flood the message.
std::string json_quoted(std::string_view text);

// What the file holds where something else was expected: `"5x"`, `an object`, `42`, ….
std::string described(const nlohmann::json& value);

// `severities.SEV1`, or `groups["on call"]` for a key that is not one plain word.
std::string child_path(const std::string& parent, const std::string& key);
// `permissions.close[1]`
std::string index_path(const std::string& parent, std::size_t index);

// "a, b or c" with last_joiner " or ".
std::string listed(std::initializer_list<std::string_view> items, std::string_view last_joiner);

}  // namespace warroom::bot::config_json

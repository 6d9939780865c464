// The form decoder of the POST routes. httplib's own (detail::parse_query_text) copies every
// field into a std::set to drop repeats and splits through std::function: an eighth of the
// instructions a slash command cost in user space went there.
#include "bot/form.h"

namespace warroom::bot {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Copies the runs between escapes whole: most of a field has none.
std::string decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  while (!text.empty()) {
    const std::size_t escape = text.find_first_of("+%");
    decoded.append(text.substr(0, escape));
    if (escape == std::string_view::npos) break;
    text.remove_prefix(escape);
    if (text.front() == '+') {
      decoded += ' ';
      text.remove_prefix(1);
    } else if (text.size() >= 3 && hex_value(text[1]) >= 0 && hex_value(text[2]) >= 0) {
      decoded += static_cast<char>(hex_value(text[1]) * 16 + hex_value(text[2]));
      text.remove_prefix(3);
    } else {
      decoded += '%';  // not an escape: kept as written
      text.remove_prefix(1);
    }
  }
  return decoded;
}

}  // namespace

void parse_form(std::string_view body, std::multimap<std::string, std::string>& fields) {
  while (!body.empty()) {
    const std::size_t end = body.find('&');
    const std::string_view field = body.substr(0, end);
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    const std::size_t equals = field.find('=');
    const std::string_view name = field.substr(0, equals);
    if (name.empty()) continue;
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view{} : field.substr(equals + 1);
    fields.emplace(decode(name), decode(value));
  }
}

}  // namespace warroom::bot

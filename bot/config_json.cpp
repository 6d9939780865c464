// A config file's JSON: parsed with comments allowed and duplicate keys refused, and the
// words of its error messages (key paths, what a value is). Every message is one line.
#include "bot/config_json.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "bot/config_file.h"

namespace warroom::bot::config_json {

using nlohmann::json;

namespace {

bool is_plain_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// Messages are one line whatever the file or its path contain.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return is_control(static_cast<unsigned char>(c)); },
      '?');
  return text;
}

// nlohmann keeps the last of two equal keys without a word, so a file naming `permissions`
// twice would silently lose the first. This parse callback refuses the second, with its path.
class DuplicateKeyCheck {
 public:
  explicit DuplicateKeyCheck(std::string source) : source_(std::move(source)) {}

  bool operator()(int /*depth*/, json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        enter(event == json::parse_event_t::array_start);
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key:
        add_key(parsed.get<std::string>());
        break;
      case json::parse_event_t::value:
        begin_element();
        break;
    }
    return true;
  }

 private:
  // Labels only, not paths: a path per frame would cost memory quadratic in the depth.
  struct Frame {
    bool is_array = false;
    std::string key;           // an object's current member
    std::size_t elements = 0;  // an array's elements so far; the current one is the last
    std::set<std::string> keys;
  };

  void begin_element() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().elements;
  }

  void enter(bool is_array) {
    begin_element();
    frames_.push_back(Frame{.is_array = is_array});
  }

  void add_key(const std::string& key) {
    if (frames_.empty()) return;
    Frame& frame = frames_.back();
    frame.key = key;
    if (!frame.keys.insert(key).second) {
      fail(source_, current_path(), "given twice; a key may appear only once in an object");
    }
  }

  [[nodiscard]] std::string current_path() const {
    std::string path;
    for (const auto& frame : frames_) {
      path = frame.is_array ? index_path(path, frame.elements - 1) : child_path(path, frame.key);
    }
    return path;
  }

  std::string source_;
  std::vector<Frame> frames_;
};

}  // namespace

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

void fail(std::string_view source, std::string_view path, std::string_view problem) {
  std::string message(source);
  message += ": ";
  if (!path.empty()) message.append(path).append(": ");
  message += problem;
  throw ConfigError(one_line(std::move(message)));
}

std::string json_quoted(std::string_view text) {
  constexpr std::size_t shown = 80;
  std::string out =
      json(std::string(text.substr(0, shown))).dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > shown) out += "...";
  return out;
}

std::string described(const json& value) {
  switch (value.type()) {
    case json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      return text.empty() ? "an empty string" : json_quoted(text);
    }
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::null:
      return "null";
    case json::value_t::discarded:
      return "nothing";
    default:
      return value.dump();  // numbers and booleans, as written
  }
}

std::string child_path(const std::string& parent, const std::string& key) {
  if (!is_plain_key(key)) return parent + "[" + json_quoted(key) + "]";
  return parent.empty() ? key : parent + "." + key;
}

std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string listed(std::initializer_list<std::string_view> items, std::string_view last_joiner) {
  std::string text;
  std::size_t i = 0;
  for (const auto item : items) {
    if (i > 0) text += i + 1 == items.size() ? last_joiner : std::string_view(", ");
    text += item;
    ++i;
  }
  return text;
}

json parse_config_json(std::string_view text, const std::string& source) {
  try {
    return json::parse(text, DuplicateKeyCheck(source), true, /*ignore_comments=*/true);
  } catch (const json::exception& error) {  // parse_error, or out_of_range for 1e400
    std::string reason = error.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: …": the prefix is
    // noise for a reader, and the excerpt may hold invalid UTF-8.
    if (const auto end = reason.find("] ");
        reason.starts_with("[json.") && end != std::string::npos) {
      reason.erase(0, end + 2);
    }
    std::replace_if(
        reason.begin(), reason.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; },
        '?');
    fail(source, "", "not valid JSON: " + reason);
  }
}

}  // namespace warroom::bot::config_json

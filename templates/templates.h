// The message templates (templates/*.mustache, kainjow mustache): built into the binary, each
// replaceable by a file of the same name in WARROOM_TEMPLATES.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands/expected.h"

namespace warroom::templates {

// How `{{name}}` escapes a value for its audience (Slack mrkdwn, Markdown…); `{{{name}}}`
// inserts the value as it is, for parts the renderer built itself (mentions, links).
using Escape = std::function<std::string(const std::string&)>;

// A template's data with sections and lists, for documents (the review) rather than messages.
// `{{name}}` reads text (an empty text counts as absent, so `{{#name}}…{{/name}}` shows only
// when it is set); `{{#name}}…{{/name}}` repeats once per item of a list, each item's names
// shadowing the outer ones; flags are true/false sections (`{{^name}}` when false). Build a
// long list in place and hand the whole Data over by value: it is moved, not copied.
struct Data {
  std::map<std::string, std::string> text;
  std::map<std::string, bool> flags;
  std::map<std::string, std::vector<Data>> lists;
};

class Templates {
 public:
  // The built-in templates, then every `*.mustache` in `override_folder` (when not empty)
  // replacing the built-in one of the same name. Throws std::runtime_error naming the file
  // when an override cannot be read or has a syntax error.
  explicit Templates(const std::string& override_folder = {});

  bool has(std::string_view name) const;
  // Renders `name` ("update" for update.mustache). Empty fields are left out, so
  // `{{#service}}…{{/service}}` shows only when there is a service. The error names the file.
  commands::Expected<std::string> render(std::string_view name,
                                         const std::map<std::string, std::string>& fields,
                                         const Escape& escape) const;

  // The same with sections and lists. A missing template is an error value like render's; a
  // syntax error names the file.
  commands::Expected<std::string> render_document(std::string_view name, Data data,
                                                  const Escape& escape) const;

 private:
  std::map<std::string, std::string, std::less<>> sources_;  // name → template text
};

}  // namespace warroom::templates

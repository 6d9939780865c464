// Form bodies (application/x-www-form-urlencoded, as Slack posts slash commands and button
// clicks) decoded into fields. Exports parse_form.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace warroom::bot {

// Adds the fields of `body` to `fields` (httplib::Params has this type), each name and value
// decoded once: `+` is a space and `%XX` the byte XX; a `%` not followed by two hex digits
// stays as it is. Fields are separated by `&`; a field without `=` has an empty value; empty
// fields and fields with an empty name are skipped; a repeated name gives several entries.
// Never throws except std::bad_alloc.
void parse_form(std::string_view body, std::multimap<std::string, std::string>& fields);

}  // namespace warroom::bot

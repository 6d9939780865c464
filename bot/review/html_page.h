// The review as a web page: cmark's HTML body inside a whole document with a small embedded
// stylesheet that reads well on screen and prints well. Exports html_page.
#pragma once

#include <string>
#include <string_view>

namespace warroom::bot {

// `title` is plain text (escaped here); `body` is HTML already (cmark's, in safe mode).
std::string html_page(std::string_view title, std::string_view body);

}  // namespace warroom::bot

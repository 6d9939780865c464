// The Markdown escaper for the review (DESIGN section 7): user text goes into the document as
// text, never as structure. Exports escape_markdown.
#pragma once

#include <string>
#include <string_view>

namespace warroom::bot {

// Backslash-escapes every ASCII punctuation character (CommonMark allows that for all of
// them), so no heading, list, emphasis, link, code span or HTML can start from user text; a
// newline becomes a hard line break (`\` + newline), so a text of several lines stays one
// paragraph or list item and no line of it can open a block. CR is dropped, trailing blanks and
// newlines too (a break at the end of a block means nothing); spaces or tabs at the very start
// become
// `&#32;`, so a value placed after a list marker can never turn into an indented code block.
// Not for one-line places such as headings: flatten newlines there first.
std::string escape_markdown(std::string_view text);

}  // namespace warroom::bot

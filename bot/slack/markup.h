// Slack's message markup in both directions: decoding what users typed (with
// should_escape: true) into plain text, and escaping text warroom posts as mrkdwn.
#pragma once

#include <string>
#include <string_view>

namespace warroom::bot::slack {

// `<@U123>` and `<@U123|name>` → `@U123`; `<!subteam^S1|@oncall>` → `@oncall`
// (`<!subteam^S1>` → `@S1`); `<#C1|general>` → `#general`; `<https://x|label>` → `label
// (https://x)`, `<https://x>` → `https://x`; `<!here>`, `<!channel>`, `<!everyone>` →
// `@here`…; then `&lt;`, `&gt;`, `&amp;` → `<`, `>`, `&`. Unbalanced `<` is kept as text.
std::string decode_markup(std::string_view text);

// Text for mrkdwn: `&`, `<`, `>` escaped, and `@channel`, `@here`, `@everyone` neutralised
// (a zero-width joiner after the `@`) so user text can never page a whole workspace.
std::string escape_mrkdwn(std::string_view text);

}  // namespace warroom::bot::slack

// Fuzz target "form": a Slack request body as /slack/commands and /slack/interactions receive
// it. httplib decodes the form (its decoder lives in the uninstrumented .so, so the fuzzer
// steers by our code around it), then the slash command and the `payload` field are parsed.
#include <httplib.h>

#include <chrono>

#include "bot/slack/payload.h"
#include "bot/slack/verify.h"
#include "fuzz/checks.h"
#include "fuzz/targets.h"

namespace warroom::fuzz {
namespace {

constexpr std::string_view signing_secret = "fuzz-signing-secret-3f9a";

// The body arrives with forged signature headers (its first two lines): refused, and the
// reason names neither the secret nor the signature that would have been right.
void check_signature_refused(std::string_view body) {
  const auto first_end = body.find('\n');
  const std::string_view timestamp = body.substr(0, first_end);
  const std::string_view rest =
      first_end == std::string_view::npos ? std::string_view{} : body.substr(first_end + 1);
  const std::string_view signature = rest.substr(0, rest.find('\n'));
  const std::chrono::sys_seconds now{std::chrono::seconds(1700000000)};
  const auto refusal =
      bot::slack::refuse_signature(signing_secret, timestamp, signature, body, now);
  require(refusal.has_value(), "a forged signature was accepted", body);
  require(refusal->find(signing_secret) == std::string::npos, "a refusal names the secret",
          *refusal);
  const std::string expected = bot::slack::sign(signing_secret, timestamp, body);
  require(refusal->find(expected.substr(3)) == std::string::npos,
          "a refusal names the expected signature", *refusal);
}

}  // namespace

void fuzz_form(std::string_view input) {
  check_signature_refused(input);
  httplib::Params form;
  httplib::detail::parse_query_text(std::string(input), form);
  if (const auto command = bot::slack::parse_slash_command(form)) {
    require_sound_command(*command);
  } else {
    require(!command.error().empty(), "a refused slash command gives no reason");
  }
  if (const auto payload = form.find("payload"); payload != form.end()) {
    fuzz_interaction(payload->second);
  }
}

}  // namespace warroom::fuzz

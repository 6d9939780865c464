// Tests for Slack request signing (bot/slack/verify.h): Slack's documented worked example and
// the negative cases its SDKs assert (../shared/fixtures/slack/), plus tampering, replay,
// clock skew and malformed headers. A refusal never reveals the secret or expected signature.
#include "bot/slack/verify.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

namespace warroom::bot::slack {
namespace {

using nlohmann::json;

std::string read_fixture(const std::string& name) {
  const std::string path = std::string(WARROOM_SHARED_DIR) + "/fixtures/slack/" + name;
  std::ifstream file(path, std::ios::binary);
  REQUIRE(file.good());
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::chrono::sys_seconds at(std::int64_t seconds) {
  return std::chrono::sys_seconds{std::chrono::seconds{seconds}};
}

struct DocExample {
  std::string secret;
  std::string timestamp;
  std::string body;
  std::string signature;
  std::int64_t now = 0;
};

DocExample load_doc_example() {
  const json about = json::parse(read_fixture("signature-doc-example.json"));
  DocExample example;
  example.secret = about.at("signing_secret").get<std::string>();
  example.timestamp = about.at("timestamp").get<std::string>();
  example.body = read_fixture(about.at("body_file").get<std::string>());
  example.signature = about.at("expected_signature").get<std::string>();
  example.now = std::stoll(example.timestamp);
  return example;
}

void require_reason_keeps_secrets(const std::string& reason, const DocExample& example) {
  CAPTURE(reason);
  CHECK(reason.find(example.secret) == std::string::npos);
  CHECK(reason.find(example.signature.substr(3)) == std::string::npos);
}

TEST_CASE("every signature vector from Slack's SDK test suites is judged as they assert",
          "[slack]") {
  const json vectors = json::parse(read_fixture("signature-vectors.json"));
  const auto secret = vectors.at("signing_secret").get<std::string>();
  for (const auto& vector : vectors.at("cases")) {
    const auto name = vector.at("name").get<std::string>();
    const auto& timestamp = vector.at("timestamp");
    const auto& signature = vector.at("signature");
    const auto refusal = refuse_signature(
        secret, timestamp.is_null() ? "" : timestamp.get<std::string>(),
        signature.is_null() ? "" : signature.get<std::string>(),
        vector.at("body").get<std::string>(), at(vector.at("now").get<std::int64_t>()));
    const auto verdict = refusal.value_or("accepted");
    CAPTURE(name, verdict);
    CHECK(refusal.has_value() == (vector.at("expect").get<std::string>() == "invalid"));
  }
}

TEST_CASE("sign reproduces the signature of Slack's documented example", "[slack]") {
  const auto example = load_doc_example();
  CHECK(sign(example.secret, example.timestamp, example.body) == example.signature);
}

TEST_CASE("the documented example body is accepted at its own timestamp", "[slack]") {
  const auto example = load_doc_example();
  CHECK_FALSE(refuse_signature(example.secret, example.timestamp, example.signature, example.body,
                               at(example.now)));
}

TEST_CASE("a body with one byte changed is refused as a bad signature", "[slack]") {
  const auto example = load_doc_example();
  auto tampered = example.body;
  tampered[tampered.find("roadrunner")] = 'R';
  const auto refusal = refuse_signature(example.secret, example.timestamp, example.signature,
                                        tampered, at(example.now));
  REQUIRE(refusal);
  CHECK(*refusal == "bad signature");
  require_reason_keeps_secrets(*refusal, example);
}

TEST_CASE("a timestamp moved by one second with the same signature is refused", "[slack]") {
  const auto example = load_doc_example();
  const auto retimed = std::to_string(example.now + 1);
  const auto refusal =
      refuse_signature(example.secret, retimed, example.signature, example.body, at(example.now));
  REQUIRE(refusal);
  CHECK(*refusal == "bad signature");
}

TEST_CASE("a request signed with another secret is refused", "[slack]") {
  const auto example = load_doc_example();
  const auto forged = sign("not-the-signing-secret", example.timestamp, example.body);
  const auto refusal =
      refuse_signature(example.secret, example.timestamp, forged, example.body, at(example.now));
  REQUIRE(refusal);
  CHECK(*refusal == "bad signature");
  require_reason_keeps_secrets(*refusal, example);
}

TEST_CASE("the replay window is five minutes either side of the clock", "[slack]") {
  const auto example = load_doc_example();
  const auto judge = [&](std::int64_t now) {
    return refuse_signature(example.secret, example.timestamp, example.signature, example.body,
                            at(now));
  };
  CHECK_FALSE(judge(example.now + 300));
  CHECK_FALSE(judge(example.now - 300));
  const auto old = judge(example.now + 301);
  REQUIRE(old);
  CHECK(old->find("stale timestamp") != std::string::npos);
  const auto future = judge(example.now - 301);
  REQUIRE(future);
  CHECK(future->find("stale timestamp") != std::string::npos);
  CHECK(future->find("future") != std::string::npos);
}

TEST_CASE("malformed signatures are refused before any HMAC comparison", "[slack]") {
  const auto example = load_doc_example();
  std::string upper = example.signature;
  for (auto& c : upper) {
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  }
  const auto signature = GENERATE_COPY(values<std::string>({
      upper,                                // uppercase hex
      example.signature.substr(3),          // missing v0=
      "v1=" + example.signature.substr(3),  // another version
      example.signature + "0",              // one digit too many
      example.signature.substr(0, 66),      // one digit too few
      " " + example.signature,              // a leading space
      "v0=invalid",
  }));
  CAPTURE(signature);
  const auto refusal =
      refuse_signature(example.secret, example.timestamp, signature, example.body, at(example.now));
  REQUIRE(refusal);
  CHECK(refusal->find("X-Slack-Signature") != std::string::npos);
  require_reason_keeps_secrets(*refusal, example);
}

TEST_CASE("a timestamp that is not plain epoch seconds is refused", "[slack]") {
  const auto example = load_doc_example();
  const auto timestamp = GENERATE_COPY(values<std::string>({
      "+" + example.timestamp,
      "-" + example.timestamp,
      " " + example.timestamp,
      example.timestamp + " ",
      example.timestamp + ".5",
      "1.531420618e9",
      "0x5b47a7ca",
      "99999999999999999999999999",
      "9223372036854775808",
      std::string("1531420618\0", 11),
  }));
  CAPTURE(timestamp);
  const auto refusal =
      refuse_signature(example.secret, timestamp, example.signature, example.body, at(example.now));
  REQUIRE(refusal);
  CHECK(refusal->find("X-Slack-Request-Timestamp") != std::string::npos);
}

TEST_CASE("a huge but well-formed timestamp is stale rather than an overflow", "[slack]") {
  const auto example = load_doc_example();
  const auto refusal = refuse_signature(example.secret, "9223372036854775807", example.signature,
                                        example.body, at(example.now));
  REQUIRE(refusal);
  CHECK(refusal->find("stale timestamp") != std::string::npos);
}

TEST_CASE("missing headers and a missing secret are refused with their names", "[slack]") {
  const auto example = load_doc_example();
  const auto now = at(example.now);
  CHECK(refuse_signature(example.secret, example.timestamp, "", example.body, now) ==
        "missing X-Slack-Signature");
  CHECK(refuse_signature(example.secret, "", example.signature, example.body, now) ==
        "missing X-Slack-Request-Timestamp");
  CHECK(refuse_signature("", example.timestamp, example.signature, example.body, now) ==
        "no signing secret configured");
}

}  // namespace
}  // namespace warroom::bot::slack

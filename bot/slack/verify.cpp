// Slack request signing: v0 HMAC-SHA256 (OpenSSL) over `v0:<timestamp>:<raw body>`, compared
// with CRYPTO_memcmp, refused outside a 5-minute window either side of the injected clock.
// Reasons name the header or the check that failed, never the secret or the expected value.
#include "bot/slack/verify.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cstdint>
#include <stdexcept>
#include <system_error>

namespace warroom::bot::slack {
namespace {

constexpr std::string_view version_prefix = "v0=";
constexpr std::size_t hex_digest_length = 64;  // SHA-256: 32 bytes, two hex digits each

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f');
}

// Digits only: no sign, no spaces, no exponent; nullopt on overflow as well.
std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), is_digit)) return std::nullopt;
  std::int64_t seconds = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, seconds);
  if (error != std::errc{} || stop != end) return std::nullopt;
  return seconds;
}

bool is_well_formed_signature(std::string_view signature) {
  if (signature.size() != version_prefix.size() + hex_digest_length) return false;
  if (!signature.starts_with(version_prefix)) return false;
  const auto digits = signature.substr(version_prefix.size());
  return std::all_of(digits.begin(), digits.end(), is_lower_hex);
}

// How far `timestamp_seconds` lies outside the replay window around `now`, or nullopt
// when it is inside. Compared without subtraction so huge timestamps cannot overflow.
std::optional<std::string> refuse_time(std::int64_t timestamp_seconds,
                                       std::chrono::sys_seconds now) {
  const std::int64_t now_seconds = now.time_since_epoch().count();
  const std::int64_t window = replay_window.count();
  if (timestamp_seconds < now_seconds - window) {
    return "stale timestamp: " + std::to_string(now_seconds - timestamp_seconds) +
           " s old, at most " + std::to_string(window);
  }
  if (timestamp_seconds > now_seconds + window) {
    return "stale timestamp: more than " + std::to_string(window) + " s in the future";
  }
  return std::nullopt;
}

}  // namespace

std::string sign(std::string_view signing_secret, std::string_view timestamp,
                 std::string_view body) {
  std::string base;
  base.reserve(3 + timestamp.size() + 1 + body.size());
  base.append("v0:").append(timestamp).append(":").append(body);

  if (signing_secret.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::length_error("signing secret is too long");
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  const auto* computed =
      HMAC(EVP_sha256(), signing_secret.data(), static_cast<int>(signing_secret.size()),
           reinterpret_cast<const unsigned char*>(base.data()), base.size(), digest.data(),
           &digest_length);
  if (computed == nullptr) throw std::runtime_error("HMAC-SHA256 failed in OpenSSL");

  constexpr std::string_view hex_digits = "0123456789abcdef";
  std::string signature(version_prefix);
  for (unsigned int i = 0; i < digest_length; ++i) {
    signature += hex_digits[digest[i] >> 4U];
    signature += hex_digits[digest[i] & 0x0FU];
  }
  return signature;
}

std::optional<std::string> refuse_signature(std::string_view signing_secret,
                                            std::string_view timestamp, std::string_view signature,
                                            std::string_view body, std::chrono::sys_seconds now) {
  // An empty secret would let anyone sign: treat it as a misconfiguration, never a pass.
  if (signing_secret.empty()) return "no signing secret configured";
  if (signature.empty()) return "missing X-Slack-Signature";
  if (timestamp.empty()) return "missing X-Slack-Request-Timestamp";
  const auto timestamp_seconds = parse_timestamp(timestamp);
  if (!timestamp_seconds) return "malformed X-Slack-Request-Timestamp: expected epoch seconds";
  if (auto stale = refuse_time(*timestamp_seconds, now)) return stale;
  if (!is_well_formed_signature(signature)) {
    return "malformed X-Slack-Signature: expected v0= and 64 lowercase hex digits";
  }
  const std::string expected = sign(signing_secret, timestamp, body);
  if (expected.size() != signature.size() ||
      CRYPTO_memcmp(expected.data(), signature.data(), expected.size()) != 0) {
    return "bad signature";
  }
  return std::nullopt;
}

}  // namespace warroom::bot::slack

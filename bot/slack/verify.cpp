// Slack request signing: v0 HMAC-SHA256 (OpenSSL) over `v0:<timestamp>:<raw body>`, compared
// with CRYPTO_memcmp, refused outside a 5-minute window either side of the injected clock.
// Reasons name the header or the check that failed, never the secret or the expected value.
#include "bot/slack/verify.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
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

// HMAC-SHA256 keyed once per thread and secret. OpenSSL 3's one-shot HMAC() looks the MAC
// and the digest up in its provider store (under a lock) and sets the key up on every call;
// here a request costs one re-initialisation of the keyed context.
class KeyedHmac {
 public:
  // The MAC of the concatenated `parts` under `secret`. Throws std::runtime_error.
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac(std::string_view secret,
                                                 std::initializer_list<std::string_view> parts,
                                                 std::size_t& length) {
    if (!context_ || secret != secret_) rekey(secret);
    // A null key re-initialises with the key already set.
    if (EVP_MAC_init(context_.get(), nullptr, 0, nullptr) != 1) fail();
    for (const std::string_view part : parts) {
      const auto* bytes = reinterpret_cast<const unsigned char*>(part.data());
      if (EVP_MAC_update(context_.get(), bytes, part.size()) != 1) fail();
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    if (EVP_MAC_final(context_.get(), digest.data(), &length, digest.size()) != 1) fail();
    return digest;
  }

 private:
  using MacPointer = std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)>;
  using ContextPointer = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

  [[noreturn]] static void fail() { throw std::runtime_error("HMAC-SHA256 failed in OpenSSL"); }

  void rekey(std::string_view secret) {
    static const MacPointer hmac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr), EVP_MAC_free);
    if (!hmac) fail();
    context_ = ContextPointer(EVP_MAC_CTX_new(hmac.get()), EVP_MAC_CTX_free);
    secret_.clear();
    if (!context_) fail();
    std::string digest_name = "SHA256";
    const std::array<OSSL_PARAM, 2> params = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name.data(), 0),
        OSSL_PARAM_construct_end()};
    // An empty view may carry no pointer; OpenSSL takes a null key as "no key given".
    const auto* key = reinterpret_cast<const unsigned char*>(secret.empty() ? "" : secret.data());
    if (EVP_MAC_init(context_.get(), key, secret.size(), params.data()) != 1) {
      context_.reset();
      fail();
    }
    secret_ = secret;
  }

  ContextPointer context_{nullptr, EVP_MAC_CTX_free};
  std::string secret_;  // the key context_ holds
};

}  // namespace

std::string sign(std::string_view signing_secret, std::string_view timestamp,
                 std::string_view body) {
  thread_local KeyedHmac hmac;
  std::size_t digest_length = 0;
  const auto digest = hmac.mac(signing_secret, {"v0:", timestamp, ":", body}, digest_length);

  constexpr std::string_view hex_digits = "0123456789abcdef";
  std::string signature(version_prefix);
  signature.reserve(version_prefix.size() + 2 * digest_length);
  for (std::size_t i = 0; i < digest_length; ++i) {
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

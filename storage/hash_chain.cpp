// Where the hash-chain rule is enforced (DESIGN section 5). Tamper-evident, not
// tamper-proof: whoever can write the file can recompute the chain.
#include "storage/hash_chain.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <memory>

#include "storage/error.h"

namespace warroom::storage {
namespace {

constexpr std::size_t digest_size = 32;
using Digest = std::array<unsigned char, digest_size>;

Digest decode_hex(std::string_view hex) {
  Digest bytes{};  // 32 zero bytes: the "previous hash" of seq 1
  if (hex.empty()) return bytes;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  const bool valid = hex.size() == 2 * digest_size &&
                     std::ranges::all_of(hex, [&](char c) { return nibble(c) >= 0; });
  if (!valid) throw Error("hash chain: \"" + std::string{hex} + "\" is not a SHA-256 hex digest");
  for (std::size_t i = 0; i < digest_size; ++i) {
    bytes[i] = static_cast<unsigned char>(nibble(hex[2 * i]) * 16 + nibble(hex[2 * i + 1]));
  }
  return bytes;
}

std::string encode_hex(const Digest& bytes) {
  constexpr std::string_view digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * bytes.size());
  for (const unsigned char byte : bytes) {
    hex += digits[byte >> 4U];
    hex += digits[byte & 0x0FU];
  }
  return hex;
}

// SHA-256 fetched from OpenSSL's provider once: EVP_sha256() in a DigestInit looks the
// algorithm up again (under a lock) on every call, and every appended event hashes.
const EVP_MD* sha256_algorithm() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> algorithm(
      EVP_MD_fetch(nullptr, "SHA256", nullptr), EVP_MD_free);
  return algorithm ? algorithm.get() : EVP_sha256();
}

class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), sha256_algorithm(), nullptr) != 1) {
      throw Error("hash chain: cannot initialise SHA-256");
    }
  }
  void add(const void* data, std::size_t size) {
    if (EVP_DigestUpdate(context_.get(), data, size) != 1)
      throw Error("hash chain: SHA-256 failed");
  }
  // One field: its byte length as 8 bytes big-endian, then its bytes.
  void add_field(std::string_view field) {
    std::array<unsigned char, 8> length{};
    auto size = static_cast<std::uint64_t>(field.size());
    for (std::size_t i = length.size(); i-- > 0; size >>= 8U) length[i] = size & 0xFFU;
    add(length.data(), length.size());
    add(field.data(), field.size());
  }
  Digest finish() {
    Digest digest{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest.data(), &size) != 1 || size != digest_size) {
      throw Error("hash chain: SHA-256 failed");
    }
    return digest;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

}  // namespace

// THE CHAIN RULE. hash(event) = SHA-256 over
//   the previous event's hash as 32 raw bytes (32 zero bytes for seq 1), then the fields
//   seq (decimal text), at (format_utc form), actor, kind, text, data (the JSON object with
//   sorted keys, exactly as stored), each as an 8-byte big-endian byte length and the bytes.
// Stored as lowercase hex in events.hash; incidents.head_seq/head_hash name the last event.
std::string event_hash(std::string_view previous_hex, const Event& event) {
  const Digest previous = decode_hex(previous_hex);
  Sha256 sha;
  sha.add(previous.data(), previous.size());
  sha.add_field(std::to_string(event.seq));
  sha.add_field(format_utc(event.at));
  sha.add_field(event.actor);
  sha.add_field(event.kind);
  sha.add_field(event.text);
  sha.add_field(event.data);
  return encode_hex(sha.finish());
}

ChainReport verify_events(const std::vector<Event>& events, std::int64_t head_seq,
                          std::string_view head_hash) {
  ChainReport report;
  report.events = static_cast<std::int64_t>(events.size());
  const auto broken = [&report](std::int64_t seq, std::string problem) {
    report.intact = false;
    report.first_broken_seq = seq;
    report.problem = std::move(problem);
    return report;
  };
  std::string previous;  // recomputed, so a tampered stored hash never seeds the next link
  std::int64_t expected_seq = 1;
  for (const Event& event : events) {
    if (event.seq != expected_seq) {
      return broken(expected_seq,
                    event.seq > expected_seq ? "missing event" : "events out of order");
    }
    std::string hash = event_hash(previous, event);
    if (hash != event.hash) return broken(event.seq, "hash mismatch");
    previous = std::move(hash);
    ++expected_seq;
  }
  const std::int64_t last_seq = expected_seq - 1;
  if (head_seq != last_seq) {
    return broken(std::min(head_seq, last_seq) + 1, "head does not match the last event");
  }
  if (head_hash != previous) {
    return broken(std::max<std::int64_t>(head_seq, 1), "head does not match the last event");
  }
  return report;
}

}  // namespace warroom::storage

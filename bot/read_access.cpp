// The read rule: loopback without a token, the token (header or query) with one.
#include "bot/read_access.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <array>
#include <cctype>

#include "bot/html.h"

namespace warroom::bot {
namespace {

using Digest = std::array<unsigned char, SHA256_DIGEST_LENGTH>;

Digest digest(std::string_view text) {
  Digest out{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), out.data());
  return out;
}

// Hashing first makes the comparison take the same time whatever the lengths.
bool same_secret(std::string_view given, std::string_view expected) {
  const Digest a = digest(given);
  const Digest b = digest(expected);
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string bearer_token(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i]))) {
      return {};
    }
  }
  return header.substr(scheme.size());
}

}  // namespace

bool is_loopback_address(std::string_view remote_addr) {
  return remote_addr == "127.0.0.1" || remote_addr == "::1" || remote_addr == "::ffff:127.0.0.1";
}

bool ReadAccess::allows(const httplib::Request& request) const {
  if (token_.empty()) {
    const bool proxied = request.has_header("X-Forwarded-For") || request.has_header("Forwarded");
    return !proxied && is_loopback_address(request.remote_addr);
  }
  const std::string bearer = bearer_token(request);
  if (!bearer.empty() && same_secret(bearer, token_)) return true;
  return request.has_param("token") && same_secret(request.get_param_value("token"), token_);
}

bool ReadAccess::check(const httplib::Request& request, httplib::Response& response) const {
  if (allows(request)) return true;
  response.status = 401;
  if (token_.empty()) {
    response.set_content(
        "reading needs a loopback client (not through a proxy); set WARROOM_READ_TOKEN to read "
        "from elsewhere\n",
        "text/plain; charset=utf-8");
  } else {
    response.set_header("WWW-Authenticate", "Bearer realm=\"warroom\"");
    response.set_content("reading needs the read token: Authorization: Bearer <token> or ?token=\n",
                         "text/plain; charset=utf-8");
  }
  return false;
}

std::string ReadAccess::link_query(const httplib::Request& request) const {
  if (token_.empty() || !request.has_param("token")) return {};
  const std::string token = request.get_param_value("token");
  if (!same_secret(token, token_)) return {};
  return "?token=" + encode_query_value(token);
}

}  // namespace warroom::bot

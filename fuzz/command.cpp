// Fuzz target "command": the input is a command line, run with commands::dispatch by three
// users on a real SQLite file: one migrated and seeded file per process, and every input
// inside a transaction that is rolled back, so each starts from the same incidents. Checks
// what users and stakeholders would notice: a reply with text, honest mentions, Slack JSON
// without broadcasts, intact hash chains, and reviews and exports that render safely.
#include <cstdlib>  // mkdtemp
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "bot/command_runner.h"
#include "bot/config_file.h"
#include "bot/export_json.h"
#include "bot/review/review.h"
#include "bot/slack/blocks.h"
#include "commands/registry.h"
#include "commands/text.h"
#include "fuzz/checks.h"
#include "fuzz/targets.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "templates/templates.h"

namespace warroom::fuzz {
namespace {

using commands::Invocation;
using commands::Outcome;

struct Seat {
  const char* user;
  const char* channel;
};

// An incident manager in INC-1's channel, the payments on-call in resolved INC-2's channel,
// and someone with no group in a channel bound to nothing (warroom.example.json's groups).
constexpr std::array<Seat, 3> seats{{{"U01MIM", "C1"}, {"U03PAY", "C2"}, {"U09MALLORY", "C9"}}};

struct SeedLine {
  Seat seat;
  const char* line;
};

// The state every input starts from: open, resolved and closed incidents with roles,
// actions, a problem, a link, and hostile text already stored.
constexpr std::array<SeedLine, 15> seed_lines{{
    {{"U01MIM", "C1"},
     R"(declare Payments failing for EU cards sev2 service:payments impact:"EU card payments fail")"},
    {{"U03PAY", "C1"}, "ack"},
    {{"U01MIM", "C1"}, "assign @U03PAY comms"},
    {{"U01MIM", "C1"}, "update Rolled back the deploy; errors falling"},
    {{"U01MIM", "C1"}, "action Alert on EU card failures @U03PAY due:2026-12-01"},
    {{"U03PAY", "C1"}, "note <!here> & *bold* `code` <script>alert(1)</script>\n# Root cause"},
    {{"U03PAY", "C2"}, "declare Search is slow sev4"},
    {{"U03PAY", "C2"}, "status monitoring cache warming"},
    {{"U03PAY", "C2"}, "resolve cache warmed"},
    {{"U01MIM", "C3"}, "declare Old outage sev3"},
    {{"U01MIM", "C3"}, "resolve fixed"},
    {{"U01MIM", "C3"}, "close"},
    {{"U01MIM", "C1"}, "problem new Flaky card network"},
    {{"U01MIM", "C1"}, "link INC-2 related"},
    {{"U01MIM", "C1"}, "handover @U02MIM going off shift"},
}};

TimePoint seeded_at() {
  return *parse_utc("2026-11-24T09:00:00.000Z");
}

std::filesystem::path make_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "warroom-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp " + pattern);
  return pattern;
}

// One per process: the seeded database, the config, the templates and the Slack renderer.
class Fixture {
 public:
  Fixture()
      : folder_(make_folder()),
        config_(bot::load_config_file(std::string(WARROOM_SOURCE_DIR) + "/warroom.example.json",
                                      base_config())) {
    db_ = std::make_unique<storage::Database>((folder_ / "fuzz.db").string());
    storage::migrate(*db_);
    seed();
  }
  ~Fixture() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;
  Fixture(Fixture&&) = delete;
  Fixture& operator=(Fixture&&) = delete;

  storage::Database& db() { return *db_; }
  [[nodiscard]] const commands::Config& config() const { return config_; }
  [[nodiscard]] const templates::Templates& templates() const { return templates_; }
  [[nodiscard]] const bot::slack::MessageRenderer& renderer() const { return renderer_; }
  // Chain heads after seeding: an incident whose head moved was changed by the input.
  [[nodiscard]] const std::map<std::int64_t, std::int64_t>& seeded_heads() const {
    return seeded_heads_;
  }

 private:
  static commands::Config base_config() {
    return {.announce_channel = "C0ANNOUNCE",
            .incident_channels = false,
            .public_url = "https://warroom.example.com"};
  }

  void seed() {
    auto at = seeded_at();
    for (const auto& [seat, line] : seed_lines) {
      const Invocation who{
          .user = seat.user, .channel = seat.channel, .text = line, .at = at, .config = &config_};
      const auto result = bot::run_command(*db_, who);
      if (result.reply.outcome != Outcome::ok) {
        throw std::logic_error("fuzz seed refused: " + std::string(line) + ": " +
                               result.reply.text);
      }
      at += std::chrono::minutes(3);
    }
    storage::Transaction transaction(*db_);
    storage::SqliteStore store(*db_);
    for (const auto& incident : store.list_incidents({.limit = 1000})) {
      seeded_heads_[incident.number] = incident.head_seq;
    }
  }

  std::filesystem::path folder_;
  commands::Config config_;
  std::unique_ptr<storage::Database> db_;
  templates::Templates templates_;
  bot::slack::MessageRenderer renderer_{templates_, "https://warroom.example.com"};
  std::map<std::int64_t, std::int64_t> seeded_heads_;
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

void check_reply(const commands::Reply& reply, std::string_view line) {
  require(!reply.text.empty(), "a command answered with no text", line);
  require(reply.outcome == Outcome::ok || reply.visibility == commands::Visibility::ephemeral,
          "a refusal is shown to everyone", reply.text);
  require_utf8(reply.text, "a reply");
  require_honest_mentions(reply.text, "a reply");
  const std::string body = fixture().renderer().reply_body(reply);
  require(!nlohmann::json::parse(body, nullptr, false).is_discarded(), "a reply body is not JSON",
          body);
  require_no_broadcast(body, "a reply body");
}

// What the command queued for Slack, as the outbox worker would post it.
void check_queued(const std::vector<storage::OutboxMessage>& queued) {
  for (const auto& message : queued) {
    require_utf8(message.text, "an outbox message");
    require_honest_mentions(message.text, "an outbox message");
    for (const auto& [name, value] : message.fields) require_utf8(value, "an outbox field");
    const std::string body = fixture().renderer().post_body(message, "C0ANNOUNCE");
    require(!nlohmann::json::parse(body, nullptr, false).is_discarded(),
            "a chat.postMessage body is not JSON", body);
    require_no_broadcast(body, "a chat.postMessage body");
  }
}

std::string lower(std::string_view text) {
  return commands::to_lower_ascii(text);
}

// Every chain verifies; an incident the input changed also exports as JSON and renders a
// review whose HTML carries no live markup from user text.
void check_incidents(storage::Store& store, TimePoint now) {
  for (const auto& incident : store.list_incidents({.limit = 1000})) {
    const auto report = store.verify_chain(incident.number);
    require(report.intact, "the hash chain of " + incident.key() + " breaks: " + report.problem);
    const auto seeded = fixture().seeded_heads().find(incident.number);
    if (seeded != fixture().seeded_heads().end() && seeded->second == incident.head_seq) continue;
    const auto exported = bot::export_incident(store, incident.number);
    require(exported && !nlohmann::json::parse(*exported, nullptr, false).is_discarded(),
            "the export of " + incident.key() + " is not JSON");
    const auto html = bot::render_review(store, incident.number, bot::ReviewFormat::html,
                                         fixture().templates(), now);
    require(html.has_value(), "the review of " + incident.key() + " is missing");
    const std::string page = lower(*html);
    require(page.find("<script") == std::string::npos, "the review HTML has a <script", *html);
    require(page.find("<!-- raw html omitted") == std::string::npos,
            "user text became HTML in the review", *html);
  }
}

}  // namespace

void fuzz_command(std::string_view input) {
  auto& db = fixture().db();
  const std::string line = commands::repair_utf8(input);  // as every adapter does at the edge
  const TimePoint now = seeded_at() + std::chrono::hours(2);
  storage::Transaction transaction(db);  // never committed: the next input starts afresh
  storage::SqliteStore store(db);
  for (const auto& seat : seats) {
    const Invocation who{.user = seat.user,
                         .channel = seat.channel,
                         .platform = commands::Platform::slack,
                         .text = line,
                         .at = now,
                         .config = &fixture().config()};
    storage::Savepoint savepoint(db);  // one command's share, as in the server's batches
    const auto outbox_before = store.last_outbox_id();
    const auto reply = commands::dispatch(who, store);
    check_reply(reply, line);
    if (reply.outcome == Outcome::ok) {
      check_queued(store.outbox_after(outbox_before));
      savepoint.release();
    }
  }
  check_incidents(store, now);
}

}  // namespace warroom::fuzz

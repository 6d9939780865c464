// The secret-grep test (issue 6): a real `warroom serve` holding distinctive secrets is driven
// through every endpoint with good and bad requests while the fake Slack misbehaves; then
// every log line, every HTTP reply (status, headers, body), every request the fake Slack
// received (but the Authorization header, which must carry the bot token), the SQLite files
// and the CLI's output are searched. The signing secret, the bot token and the read token
// never appear, not even a 10-character piece of one.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "tests/slack/slack_server.h"
#include "tests/support/http.h"
#include "tests/support/slack_requests.h"

namespace warroom::testing {
namespace {

// Random-looking, so no piece of them turns up by chance.
const std::string signing_secret = "S3cr3t-9f2c7a1e5d8b4036e1a7c9d2";
const std::string bot_token = "xoxb-7340-Tk9q2Wm4Zr8Lp6Yx";
const std::string read_token = "rT0k-4e9d1b7c3a8f2e6d5c0b";

constexpr std::size_t piece_length = 10;
constexpr const char* form = "application/x-www-form-urlencoded";

// Every text that left warroom, with where it came from for the failure message.
class Evidence {
 public:
  void add(std::string where, std::string text) {
    samples_.push_back({std::move(where), std::move(text)});
  }
  // Status, headers and body of an HTTP reply (or that none came).
  void add_reply(const std::string& where, const httplib::Result& result) {
    if (!result) return add(where, "no answer: " + httplib::to_string(result.error()));
    std::string text = std::to_string(result->status) + "\n";
    for (const auto& [name, value] : result->headers)
      text.append(name).append(": ").append(value) += '\n';
    add(where, text.append("\n").append(result->body));
  }

  // The first piece of a secret found anywhere, as "where: piece of <secret name>".
  [[nodiscard]] std::vector<std::string> leaks() const {
    const std::map<std::string, std::string> secrets = {{"the signing secret", signing_secret},
                                                        {"the bot token", bot_token},
                                                        {"the read token", read_token}};
    std::vector<std::string> found;
    for (const auto& sample : samples_) {
      for (const auto& [name, secret] : secrets) {
        for (std::size_t at = 0; at + piece_length <= secret.size(); ++at) {
          if (sample.text.find(secret.substr(at, piece_length)) != std::string::npos) {
            found.push_back(sample.where + ": a piece of " + name);
            break;
          }
        }
      }
    }
    return found;
  }
  [[nodiscard]] std::size_t size() const { return samples_.size(); }

 private:
  struct Sample {
    std::string where;
    std::string text;
  };
  std::vector<Sample> samples_;
};

std::string contents_of(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// The database file and its WAL and shared-memory index, byte for byte, as they are now.
void add_database_files(Evidence& evidence, const TempDatabase& database, const std::string& when) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::filesystem::path path = database.path().string() + suffix;
    if (std::filesystem::exists(path)) {
      evidence.add(when + " " + path.filename().string(), contents_of(path));
    }
  }
}

// Drives one running server: every command, refusal and help through /slack/commands, bad
// signatures and bodies, events, interactions, and every read endpoint with and without the
// token.
class Driver {
 public:
  Driver(int port, FakeSlack& slack, Evidence& evidence)
      : port_(port), slack_(slack), evidence_(evidence) {}

  void post(const std::string& what, const std::string& path, const std::string& body,
            const std::string& content_type, const std::string& secret = signing_secret,
            long age_seconds = 0, const httplib::Headers& extra = {}) {
    evidence_.add_reply("reply to " + what,
                        post_signed(port_, path, body, content_type, secret, age_seconds, extra));
  }

  void command(const std::string& user, const std::string& text) {
    const auto result = post_signed(port_, "/slack/commands", slash_body(user, "C0GENERAL", text),
                                    form, signing_secret);
    CHECK((result && result->status == 200));
    evidence_.add_reply("reply to /incident " + text.substr(0, 40), result);
  }

  void run_every_command() {
    for (const auto& [user, line] : std::vector<std::pair<std::string, std::string>>{
             {"U1", R"(declare Payments failing sev1 impact:"EU cards fail")"},
             {"U2", "INC-1 ack"},
             {"U1", "INC-1 sev 2 errors falling"},
             {"U1", "INC-1 escalate to @U2 we need the DBA"},
             {"U1", "INC-1 deescalate calmer now"},
             {"U1", "INC-1 assign @U3 comms"},
             {"U1", "INC-1 handover @U2 going off shift"},
             {"U2", "INC-1 update Rolled back the deploy"},
             {"U2", "INC-1 status identified a bad deploy"},
             {"U2", "INC-1 note checked the logs"},
             {"U2", "INC-1 action Alert on card failures @U3 due:2026-12-01"},
             {"U2", "INC-1 action done 1"},
             {"U2", "INC-1 action list"},
             {"U3", "declare Search is slow sev4"},
             {"U3", "INC-2 link INC-1 related"},
             {"U2", "INC-1 problem new Flaky card network"},
             {"U3", "INC-2 problem link PRB-1"},
             {"U2", "INC-1 show"},
             {"U2", "INC-1 timeline"},
             {"U2", "list all"},
             {"U2", "INC-1 review"},
             {"U2", "stats 7d"},
             {"U2", ""},
             {"U2", "help"},
             {"U2", "help handover"},
             {"U2", "frobnicate now"},
             {"U2", "INC-1 sev five"},
             {"U2", "INC-99 note nobody"},
             {"U2", "INC-1 note " + std::string(25000, 'x')},
             {"U2", "INC-1 resolve rolled back"},
             {"U2", "INC-1 reopen errors are back"},
             {"U2", "INC-1 resolve fixed for real"},
             {"U2", "INC-1 close"},
         }) {
      command(user, line);
    }
  }

  void send_bad_requests() {
    const std::string body = slash_body("U1", "C0GENERAL", "INC-1 note forged");
    post("a forged signature", "/slack/commands", body, form, "not-the-secret");
    post("a stale timestamp", "/slack/commands", body, form, signing_secret, 600);
    post("a signed JSON body on the form endpoint", "/slack/commands", R"({"text":"help"})",
         "application/json");
    post("an oversized body", "/slack/commands", std::string(std::size_t{70} * 1024, 'a'), form);
    httplib::Client client("127.0.0.1", port_);
    evidence_.add_reply("reply to an unsigned command", client.Post("/slack/commands", body, form));
    evidence_.add_reply(
        "reply to a malformed signature",
        client.Post("/slack/commands",
                    {{"X-Slack-Request-Timestamp", "1"}, {"X-Slack-Signature", "v0=zz"}}, body,
                    form));
    evidence_.add("reply to a POST without a length",
                  raw_exchange(port_, "POST /slack/commands HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  void send_events() {
    const std::string mention =
        R"({"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"app_mention",)"
        R"("user":"U2","channel":"C0GENERAL","text":"<@UBOT> INC-1 note from a mention"}})";
    post("url_verification", "/slack/events",
         R"({"type":"url_verification","challenge":"challenge-abc"})", "application/json");
    post("an app_mention", "/slack/events", mention, "application/json");
    post("a retried app_mention", "/slack/events", mention, "application/json");
    post("a malformed event", "/slack/events", "{not json", "application/json");
    post("a forged event", "/slack/events", mention, "application/json", "not-the-secret");
  }

  void send_interactions() {
    const auto click = [](const std::string& response_url) {
      return nlohmann::json{{"type", "block_actions"},
                            {"user", {{"id", "U3"}}},
                            {"channel", {{"id", "C0GENERAL"}}},
                            {"response_url", response_url},
                            {"actions", {{{"action_id", "ack"}, {"value", "INC-2"}}}}}
          .dump();
    };
    post("an ack button", "/slack/interactions",
         interaction_body(click(slack_.base_url() + "responseurl")), form);
    post("an ack button with a foreign response_url", "/slack/interactions",
         interaction_body(click("https://evil.example/hook")), form);
    post("a malformed payload", "/slack/interactions", interaction_body("{not json"), form);
    post("a form without payload", "/slack/interactions", "nothing=here", form);
  }

  void read_everything() {
    httplib::Client client("127.0.0.1", port_);
    for (const char* path : {"/healthz", "/readyz"}) {
      evidence_.add_reply(std::string("reply to ") + path, client.Get(path));
    }
    for (const std::string path : {"/status", "/status.json", "/incidents/INC-1",
                                   "/incidents/INC-1.json", "/incidents/INC-1/review.md",
                                   "/incidents/INC-1/review.html", "/problems.json", "/metrics"}) {
      const auto with_bearer = client.Get(path, {{"Authorization", "Bearer " + read_token}});
      CHECK((with_bearer && with_bearer->status == 200));
      evidence_.add_reply(path + " with the bearer token", with_bearer);
      evidence_.add_reply(path + " without a token", client.Get(path));
      evidence_.add_reply(path + " with a wrong token",
                          client.Get(path, {{"Authorization", "Bearer " + read_token + "x"}}));
      evidence_.add_reply(path + " with a wrong ?token=", client.Get(path + "?token=nope"));
      evidence_.add_reply(path + " through a proxy",
                          client.Get(path, {{"Authorization", "Bearer " + read_token},
                                            {"X-Forwarded-For", "203.0.113.9"}}));
      add_query_token_reply(client, path);
    }
  }

 private:
  // A page read with ?token= keeps it on its own links (the browser sent it and follows
  // them): those links are taken out; the token may appear nowhere else in the reply.
  void add_query_token_reply(httplib::Client& client, const std::string& path) {
    auto result = client.Get(path + "?token=" + read_token);
    CHECK((result && result->status == 200));
    if (!result) return evidence_.add_reply(path + " with ?token=", result);
    const std::string link = "token=" + read_token;
    for (auto at = result->body.find(link); at != std::string::npos;
         at = result->body.find(link, at)) {
      result->body.replace(at, link.size(), "token=LINK");
    }
    evidence_.add_reply(path + " with ?token=", result);
  }

  int port_;
  FakeSlack& slack_;
  Evidence& evidence_;
};

// The fake Slack misbehaves so that warroom's retry, pause and failure paths log.
void make_slack_misbehave(FakeSlack& slack) {
  slack.answer("chat.postMessage", FakeSlack::rate_limited(1), 1);
  slack.answer("pins.add", FakeSlack::server_error(), 1);
  slack.answer("conversations.invite", FakeSlack::slack_error("invalid_auth"));
  slack.answer("conversations.setTopic", FakeSlack::slack_error("not_authed"), 1);
}

// What the fake Slack received: Web API calls carry exactly the bot token, a response_url
// call carries no token at all, and nothing else carries a secret.
void add_slack_requests(Evidence& evidence, const FakeSlack& slack) {
  for (const auto& request : slack.requests()) {
    INFO("request to " << request.path);
    if (request.method == "responseurl") {
      CHECK(request.authorization.empty());
    } else {
      CHECK(request.authorization == "Bearer " + bot_token);
    }
    evidence.add("request to " + request.path,
                 request.path + "\n" + request.content_type + "\n" + request.body_text);
  }
}

bool outbox_went_through_the_failures(const FakeSlack& slack) {
  return slack.requests("chat.postMessage").size() >= 4 && !slack.requests("responseurl").empty() &&
         slack.requests("pins.add").size() >= 2 && !slack.requests("conversations.invite").empty();
}

// The CLI verbs that print what the database holds, run with the same environment.
void add_cli_output(Evidence& evidence, const TempDatabase& database,
                    const std::map<std::string, std::string>& environment) {
  const std::string db = database.path().string();
  for (const auto& arguments :
       std::vector<std::vector<std::string>>{{"export", "--db", db},
                                             {"export", "INC-1", "--db", db},
                                             {"review", "INC-1", "--db", db},
                                             {"review", "INC-1", "--format", "html", "--db", db},
                                             {"stats", "--since", "30d", "--db", db},
                                             {"problems", "--db", db}}) {
    const auto result = run_process(warroom(arguments), {}, environment);
    CHECK(result.exit_code == 0);
    evidence.add("warroom " + arguments[0] + " " + arguments[1], result.out + "\n" + result.err);
  }
}

// One whole run: start, drive, wait for the outbox, stop, and collect everything.
Evidence exercise(const std::map<std::string, std::string>& environment) {
  FakeSlack slack;
  const TempDatabase database;
  make_slack_misbehave(slack);
  Evidence evidence;
  SlackServer server(slack, database, environment);
  Driver driver(server.port(), slack, evidence);
  driver.run_every_command();
  driver.send_bad_requests();
  driver.send_events();
  driver.send_interactions();
  driver.read_everything();
  CHECK(
      wait_for([&] { return outbox_went_through_the_failures(slack); }, std::chrono::seconds(30)));
  add_database_files(evidence, database, "while serving");
  const int stopped = server.stop();
  const std::string log = server.log();
  INFO(log);
  CHECK(stopped == 0);
  CHECK(log.find("refused") != std::string::npos);  // the failure paths did log
  evidence.add("the server's log", log);
  slack.stop();
  add_slack_requests(evidence, slack);
  add_database_files(evidence, database, "after stopping");
  add_cli_output(evidence, database, environment);
  return evidence;
}

void check_no_leaks(const Evidence& evidence) {
  INFO(evidence.size() << " texts searched");
  CHECK(evidence.size() > 100);
  const auto leaks = evidence.leaks();
  for (const auto& leak : leaks) UNSCOPED_INFO(leak);
  CHECK(leaks.empty());
}

// Writes `value` into `folder`/`name` (with a trailing newline, as editors leave it).
std::string write_secret(const std::filesystem::path& folder, const std::string& name,
                         const std::string& value) {
  const auto path = folder / name;
  std::ofstream(path) << value << "\n";
  return path.string();
}

}  // namespace

TEST_CASE("the search finds any 10-character piece of a secret", "[secrets]") {
  Evidence evidence;
  evidence.add("clean", "nothing to see: xoxb- S3cr3t rT0k");
  CHECK(evidence.leaks().empty());
  evidence.add("a log line", "token " + bot_token.substr(0, piece_length) + "…");
  evidence.add("a header", "X-Sig: " + signing_secret.substr(signing_secret.size() - piece_length));
  evidence.add("a body", R"({"t":")" + read_token.substr(7, piece_length) + R"("})");
  CHECK(evidence.leaks() == std::vector<std::string>{"a log line: a piece of the bot token",
                                                     "a header: a piece of the signing secret",
                                                     "a body: a piece of the read token"});
}

TEST_CASE("no secret from the environment appears in text logs or anything warroom writes",
          "[secrets]") {
  check_no_leaks(exercise({{"SLACK_SIGNING_SECRET", signing_secret},
                           {"SLACK_BOT_TOKEN", bot_token},
                           {"WARROOM_READ_TOKEN", read_token},
                           {"WARROOM_LOG", "text"}}));
}

TEST_CASE("no secret read from files appears in JSON logs or anything warroom writes",
          "[secrets]") {
  const TempDatabase secrets(false);  // only its folder: removed with the files in it
  check_no_leaks(exercise(
      {{"SLACK_SIGNING_SECRET", ""},
       {"SLACK_SIGNING_SECRET_FILE", write_secret(secrets.folder(), "signing", signing_secret)},
       {"SLACK_BOT_TOKEN", ""},
       {"SLACK_BOT_TOKEN_FILE", write_secret(secrets.folder(), "bot", bot_token)},
       {"WARROOM_READ_TOKEN_FILE", write_secret(secrets.folder(), "read", read_token)},
       {"WARROOM_LOG", "json"}}));
}

}  // namespace warroom::testing

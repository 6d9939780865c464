// Message templates: built in, overridable from a folder, errors that name the file.
#include "templates/templates.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "bot/slack/blocks.h"
#include "tests/slack/slack_server.h"
#include "tests/support/temp_database.h"

namespace warroom::templates {
namespace {

const Escape brackets = [](const std::string& value) { return "[" + value + "]"; };
using Fields = std::map<std::string, std::string>;

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("every message a command posts has a built-in template", "[templates]") {
  const Templates templates;
  for (const char* name : {"declared", "update", "severity", "handover", "resolve", "reopen",
                           "close", "status", "ack", "assign", "escalate", "link", "problem"}) {
    CAPTURE(name);
    CHECK(templates.has(name));
  }
}

TEST_CASE("a field is escaped for its audience and an empty field leaves its section out",
          "[templates]") {
  const Templates templates;
  const auto text = templates.render(
      "declared", Fields{{"key", "INC-1"}, {"title", "a<b"}, {"severity", "SEV1"}, {"service", ""}},
      brackets);
  REQUIRE(text);
  CHECK(text->find("*[INC-1] declared: [a<b]*") != std::string::npos);
  CHECK(text->find("Service") == std::string::npos);
}

TEST_CASE("a template in the override folder replaces the built-in one", "[templates]") {
  const testing::TempDatabase folder(false);
  write(folder.folder() / "update.mustache", "Heads up: {{key}} says {{text}}");
  write(folder.folder() / "notes.txt", "not a template");
  const Templates templates(folder.folder().string());
  const auto text = templates.render("update", Fields{{"key", "INC-2"}, {"text", "ok"}}, brackets);
  REQUIRE(text);
  CHECK(*text == "Heads up: [INC-2] says [ok]");
  CHECK(templates.has("declared"));  // the others stay built in
}

TEST_CASE("an override with a syntax error is refused with the file named", "[templates]") {
  const testing::TempDatabase folder(false);
  write(folder.folder() / "update.mustache", "{{#text}} never closed");
  try {
    const Templates templates(folder.folder().string());
    FAIL("a broken template was accepted");
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    CHECK(message.find("update.mustache") != std::string::npos);
    CHECK(message.find("Unclosed section") != std::string::npos);
  }
}

TEST_CASE("serve posts with an overridden template and refuses to start with a broken one",
          "[templates][e2e]") {
  testing::FakeSlack slack;
  const testing::TempDatabase database;
  write(database.folder() / "declared.mustache", "NEW INCIDENT {{key}}: {{title}}");
  {
    testing::SlackServer server(
        slack, database,
        {{"WARROOM_INCIDENT_CHANNELS", "off"}, {"WARROOM_TEMPLATES", database.folder().string()}});
    server.command("U1", "C1", "declare Printer on fire");
    REQUIRE(testing::wait_for([&] { return !slack.requests("chat.postMessage").empty(); }));
    CHECK(slack.requests("chat.postMessage")[0].body["text"] ==
          "NEW INCIDENT INC-1: Printer on fire");
  }
  write(database.folder() / "declared.mustache", "{{/key}}");
  const auto broken = testing::run_process(
      testing::warroom({"serve", "--port", std::to_string(testing::free_port()), "--db",
                        database.path().string()}),
      "", {{"WARROOM_TEMPLATES", database.folder().string()}}, std::chrono::seconds(10));
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("declared.mustache") != std::string::npos);
}

}  // namespace warroom::templates

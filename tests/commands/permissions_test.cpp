// Tests for the permissions of the config file: each refused command names the permission
// and who holds it, and changes nothing; holders and unnamed permissions go through.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using commands::Permission;
using storage::Severity;
using storage::Status;

void restrict(ChatSession& session) {
  session.config.groups = {{"incident-managers", {"mim1", "mim2"}}};
  session.config.permissions = {{Permission::declare_major, {"@incident-managers", "carol"}},
                                {Permission::escalate_major, {"@incident-managers"}},
                                {Permission::downgrade_major, {"@incident-managers"}},
                                {Permission::close, {"@incident-managers"}},
                                {Permission::reopen, {"mim1"}}};
}

TEST_CASE("declaring a major incident needs declare_major", "[permissions]") {
  ChatSession session;
  restrict(session);
  const auto reply = check_refused(session, "alice", "declare Payments failing sev1",
                                   "@alice may not declare a major incident (SEV1): that needs "
                                   "the `declare_major` permission, held by @incident-managers "
                                   "(@mim1, @mim2), @carol");
  CHECK(session.incident_count() == 0);
  check_refused(session, "alice", "declare Payments failing sev2", "`declare_major`");

  CHECK(session.run("alice", "declare Checkout slow sev3").outcome == Outcome::ok);
  CHECK(session.run("carol", "declare Payments failing sev1", "C2").outcome == Outcome::ok);
  CHECK(session.run("mim2", "declare Search down sev2", "C3").outcome == Outcome::ok);
  CHECK(session.incident(2).severity == Severity::sev1);
}

TEST_CASE("escalating into a major severity needs escalate_major", "[permissions]") {
  ChatSession session;
  restrict(session);
  session.run("alice", "declare Checkout slow sev4");
  CHECK(session.run("alice", "escalate more errors").outcome == Outcome::ok);  // SEV3: minor
  check_refused(session, "alice", "escalate now failing",
                "@alice may not escalate INC-1 from SEV3 to SEV2: that needs the "
                "`escalate_major` permission, held by @incident-managers (@mim1, @mim2)");
  check_refused(session, "alice", "sev 1 everything down", "`escalate_major`");
  CHECK(session.incident(1).severity == Severity::sev3);
  CHECK(session.run("mim1", "sev 1 everything down").outcome == Outcome::ok);
  CHECK(session.incident(1).severity == Severity::sev1);
}

TEST_CASE("downgrading from a major severity needs downgrade_major", "[permissions]") {
  ChatSession session;
  restrict(session);
  session.run("mim1", "declare Payments failing sev1");
  session.run("mim1", "handover @alice");
  check_refused(session, "alice", "deescalate mostly recovered",
                "@alice may not downgrade INC-1 from SEV1 to SEV2: that needs the "
                "`downgrade_major` permission");
  check_refused(session, "alice", "sev 4 cosmetic now", "`downgrade_major`");
  CHECK(session.incident(1).severity == Severity::sev1);
  CHECK(session.run("mim2", "sev 3 contained").outcome == Outcome::ok);
  // From a minor severity, anyone may go down.
  CHECK(session.run("alice", "sev 4 cosmetic now").outcome == Outcome::ok);
}

TEST_CASE("close and reopen need their permissions", "[permissions]") {
  ChatSession session;
  restrict(session);
  session.run("alice", "declare Checkout slow");
  session.run("alice", "resolve cache flushed");
  check_refused(session, "alice", "reopen errors are back",
                "@alice may not reopen INC-1: that needs the `reopen` permission, held by @mim1");
  check_refused(session, "mim2", "reopen errors are back", "held by @mim1");
  check_refused(session, "alice", "close",
                "@alice may not close INC-1: that needs the `close` permission, held by "
                "@incident-managers (@mim1, @mim2)");
  CHECK(session.incident(1).status == Status::resolved);
  CHECK(session.run("mim2", "close").outcome == Outcome::ok);
  CHECK(session.incident(1).status == Status::closed);
}

TEST_CASE("without permissions in the config everyone may do everything", "[permissions]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev1");
  CHECK(session.run("bob", "sev 4 cosmetic").outcome == Outcome::ok);
  CHECK(session.run("bob", "sev 2 worse again").outcome == Outcome::ok);
  session.run("bob", "resolve fixed");
  CHECK(session.run("bob", "reopen not fixed").outcome == Outcome::ok);
  session.run("bob", "resolve fixed");
  CHECK(session.run("bob", "close").outcome == Outcome::ok);
}

TEST_CASE("a star grants everyone and an empty group grants nobody", "[permissions]") {
  commands::Config config;
  config.groups = {{"empty", {}}};
  config.permissions = {{Permission::close, {"*"}}, {Permission::reopen, {"@empty"}}};
  CHECK(config.allows(Permission::close, "anyone"));
  CHECK_FALSE(config.allows(Permission::reopen, "anyone"));
  CHECK(config.allows(Permission::declare_major, "anyone"));  // not named: open

  ChatSession session;
  session.config = config;
  session.run("alice", "declare Checkout slow");
  session.run("alice", "resolve done");
  check_refused(session, "alice", "reopen again", "held by @empty (nobody yet)");
}

}  // namespace
}  // namespace warroom::testing

// The scripted incident the golden review is written from.
#include "tests/review/review_support.h"

#include <chrono>

namespace warroom::testing {

void script_incident(ChatSession& session) {
  using std::chrono::minutes;
  const auto at = [&](int minute, std::string_view user, std::string_view line) {
    session.clock.set(session_start() + minutes(minute));
    const auto reply = session.run(user, line);
    INFO(line << "\n" << reply.text);
    REQUIRE(reply.outcome == commands::Outcome::ok);
  };
  at(0, "alice",
     "declare Checkout payments failing sev3 service:payments "
     "impact:\"EU card payments fail for about 30% of customers\"");
  at(4, "bob", "ack looking at the dashboards");
  at(6, "alice", "assign @carol comms");
  at(10, "bob", "sev 2 error rate above 30%");
  at(12, "carol",
     "update We are investigating failed card payments in the EU.\nNext update at 10:00 UTC.");
  at(20, "bob", "note the 08:58 deploy of api v2.14 changed the retry policy");
  at(25, "bob", "status identified retry storm after deploy v2.14");
  at(30, "alice", "handover @bob off shift, bob leads");
  at(31, "bob", "assign @dave scribe");
  at(33, "bob", "assign @erin comms");
  at(40, "bob", "status monitoring rolled back to v2.13");
  at(45, "erin", "update Payments recover since the rollback at 09:38 UTC. We keep watching.");
  at(50, "bob", "sev 3 error rate back to normal");
  at(65, "bob", "resolve Rolled back v2.14: its retry policy stormed the card processor.");
  at(70, "bob", "action add a canary alert on card error rate @dave due:2026-12-01");
  at(71, "bob", "action load-test retry policies before release @erin");
  at(75, "dave", "action done 1");
  at(80, "alice", "close");
  session.clock.set(session_start() + minutes(120));
}

}  // namespace warroom::testing

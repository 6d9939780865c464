// Renders the post-incident review: ReviewData → template fields (user text escaped for
// Markdown, our own times and numbers as they are) → templates/review.md.mustache → Markdown,
// and for HTML cmark in its default safe mode, inside a whole page (html_page.h).
#include "bot/review/review.h"

#include <cmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "bot/review/html_page.h"
#include "bot/review/markdown.h"
#include "bot/review/review_data.h"
#include "commands/format.h"

namespace warroom::bot {
namespace {

using commands::format_duration;
using commands::format_time;
using templates::Data;

constexpr std::string_view template_name = "review.md";

// "T+01:05": hours and minutes since the declaration (hours grow past 99).
std::string offset(const ReviewData& review, TimePoint at) {
  const auto minutes = std::max<std::int64_t>(
      0, std::chrono::duration_cast<std::chrono::minutes>(at - review.incident.created_at).count());
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

// "2026-11-24 09:05:07", for timeline rows (the document says UTC once).
std::string row_time(TimePoint at) {
  const std::string utc = format_utc(at);
  return utc.substr(0, 10) + " " + utc.substr(11, 8);
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string person(const std::string& user) {
  return user.empty() ? std::string() : "@" + user;
}

std::string capitalised(std::string_view word) {
  std::string text(word);
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') text.front() -= 'a' - 'A';
  return text;
}

void add_header(Data& data, const ReviewData& review) {
  const auto& incident = review.incident;
  const auto key_time = [&](const char* at_name, const char* duration_name,
                            const std::optional<TimePoint>& at) {
    if (!at) return;
    data.text[at_name] = format_time(*at);
    data.text[duration_name] = format_duration(*at - incident.created_at);
  };
  data.text["key"] = incident.key();
  data.text["title"] = one_line(incident.title);
  data.text["generated_at"] = format_time(review.now);
  data.text["severity"] = std::string(to_string(incident.severity));
  data.text["highest_severity"] = std::string(to_string(review.highest_severity));
  data.flags["severity_changed"] = review.highest_severity != incident.severity;
  data.text["status"] = std::string(to_string(incident.status));
  data.text["service"] = incident.service;
  data.text["owner"] = person(incident.owner);
  data.text["declared_at"] = format_time(incident.created_at);
  data.text["declared_by"] =
      person(review.declared_by.empty() ? incident.owner : review.declared_by);
  if (incident.closed_at) data.text["closed_at"] = format_time(*incident.closed_at);
  data.text["duration"] =
      format_duration(incident.resolved_at.value_or(review.now) - incident.created_at);
  data.text["summary"] = review.summary;
  data.text["impact"] = incident.impact;
  key_time("acknowledged_at", "time_to_acknowledge", incident.acknowledged_at);
  key_time("mitigated_at", "time_to_mitigate", incident.mitigated_at);
  key_time("resolved_at", "time_to_resolve", incident.resolved_at);
  for (const auto& spent : review.severity_times) {
    data.lists["severity_times"].push_back(
        Data{.text = {{"severity_name", std::string(to_string(spent.severity))},
                      {"severity_duration", format_duration(spent.duration)}}});
  }
}

void add_people(Data& data, const ReviewData& review) {
  data.text["first_owner"] = person(review.first_owner);
  auto& handovers = data.lists["handovers"];
  for (const auto& handover : review.handovers) {
    handovers.push_back(Data{.text = {{"handover_at", format_time(handover.at)},
                                      {"handover_offset", offset(review, handover.at)},
                                      {"handover_by", person(handover.by)},
                                      {"handover_from", person(handover.from)},
                                      {"handover_to", person(handover.to)},
                                      {"handover_note", handover.note}}});
  }
  auto& roles = data.lists["roles"];
  for (const auto& role : review.roles) {
    roles.push_back(
        Data{.text = {{"role_name", role.role},
                      {"role_user", person(role.user)},
                      {"role_replaced", person(role.replaced)},
                      {"role_from", format_time(role.from)},
                      {"role_until", role.until ? format_time(*role.until) : std::string()}}});
  }
}

// One phase's rows as a Markdown list, built here rather than in the template: kainjow
// allocates for every field of every item, and a 10,000-event timeline must render in well
// under 50 ms (bench/review_bench.cpp). Everything that came from the database is escaped.
std::string timeline_rows(const ReviewData& review, const Phase& phase) {
  std::string rows;
  rows.reserve(phase.entries.size() * 128);
  for (const auto& entry : phase.entries) {
    if (!rows.empty()) rows += '\n';
    rows += "- ";
    rows += row_time(entry.at);
    rows += " · T+";
    rows += offset(review, entry.at);
    rows += " · ";
    rows += escape_markdown(person(entry.actor));
    rows += " · **";
    rows += escape_markdown(entry.kind);
    rows += "**";
    if (!entry.what.empty()) rows += " " + escape_markdown(entry.what);
  }
  return rows;
}

void add_timeline(Data& data, const ReviewData& review) {
  data.text["event_count"] = std::to_string(review.event_count);
  auto& phases = data.lists["phases"];
  phases.reserve(review.phases.size());
  for (const auto& phase : review.phases) {
    phases.push_back(Data{.text = {{"phase_name", capitalised(to_string(phase.status))},
                                   {"phase_started_at", format_time(phase.started_at)},
                                   {"phase_offset", offset(review, phase.started_at)},
                                   {"phase_rows", timeline_rows(review, phase)}}});
  }
  auto& updates = data.lists["updates"];
  for (const auto& update : review.updates) {
    updates.push_back(Data{.text = {{"update_at", format_time(update.at)},
                                    {"update_offset", offset(review, update.at)},
                                    {"update_author", person(update.author)},
                                    {"update_text", update.text}}});
  }
}

void add_follow_up(Data& data, const ReviewData& review) {
  auto& actions = data.lists["actions"];
  for (const auto& action : review.actions) {
    actions.push_back(
        Data{.text = {{"action_number", std::to_string(action.number)},
                      {"action_text", action.text},
                      {"action_owner", person(action.owner)},
                      {"action_due", action.due.value_or("")},
                      {"action_done_at", action.done_at ? format_time(*action.done_at) : ""}}});
  }
  if (review.parent) {
    data.lists["parent"].push_back(
        Data{.text = {{"parent_key", review.parent->key()},
                      {"parent_title", one_line(review.parent->title)},
                      {"parent_status", std::string(to_string(review.parent->status))}}});
  }
  for (const auto& linked : review.links) {
    data.lists["links"].push_back(
        Data{.text = {{"link_relation", std::string(relation_label(linked.relation))},
                      {"link_key", linked.incident.key()},
                      {"link_title", one_line(linked.incident.title)},
                      {"link_status", std::string(to_string(linked.incident.status))}}});
  }
  for (const auto& problem : review.problems) {
    data.lists["problems"].push_back(
        Data{.text = {{"problem_key", problem.key()},
                      {"problem_title", one_line(problem.title)},
                      {"problem_status", std::string(to_string(problem.status))},
                      {"problem_workaround", problem.workaround}}});
  }
  data.flags["chain_broken"] = !review.chain.intact;
  data.text["chain_events"] = std::to_string(review.chain.events);
  data.text["chain_problem"] = review.chain.problem;
  if (review.chain.first_broken_seq) {
    data.text["chain_broken_seq"] = std::to_string(*review.chain.first_broken_seq);
  }
}

std::string render_markdown(const ReviewData& review, const templates::Templates& templates) {
  Data data;
  add_header(data, review);
  add_people(data, review);
  add_timeline(data, review);
  add_follow_up(data, review);
  auto markdown = templates.render_document(template_name, std::move(data), escape_markdown);
  if (!markdown) throw std::runtime_error("review: " + markdown.error());
  return std::move(*markdown);
}

std::string markdown_to_html(const std::string& markdown) {
  // CMARK_OPT_DEFAULT is cmark 0.30's safe mode: raw HTML and dangerous URLs are left out.
  const std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  if (!html) throw std::runtime_error("review: cmark could not render the Markdown");
  return html.get();
}

}  // namespace

std::optional<std::string> render_review(storage::Store& store, std::int64_t number,
                                         ReviewFormat format, const templates::Templates& templates,
                                         TimePoint now) {
  const auto review = gather_review(store, number, now);
  if (!review) return std::nullopt;
  std::string markdown = render_markdown(*review, templates);
  if (format == ReviewFormat::markdown) return markdown;
  const std::string title = fmt::format("{} post-incident review: {}", review->incident.key(),
                                        one_line(review->incident.title));
  return html_page(title, markdown_to_html(markdown));
}

}  // namespace warroom::bot

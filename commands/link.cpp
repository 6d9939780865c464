// link: how this incident relates to another, read as "this incident's <relation> is INC-3".
// parent: INC-3 becomes this incident's parent (replacing any other); child: this incident
// becomes INC-3's parent; duplicate: this incident duplicates INC-3 and, if open, is resolved
// with a pointer to it; related (the default): both incidents show the other.
// Syntax: link INC-3 [parent|child|duplicate|related]
// The INC-n after `link` is always the other incident (Command::takes_incident_argument): this
// one is named before the command (`INC-7 link INC-3 parent`) or implied by the channel.
#include <fmt/format.h>

#include <set>

#include "commands/changes.h"
#include "commands/lifecycle.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

using storage::Relation;

constexpr std::string_view usage = "link INC-3 [parent|child|duplicate|related]";

struct LinkRequest {
  std::int64_t other = 0;
  Relation relation = Relation::related;
};

Expected<LinkRequest> parse_request(Arguments& args) {
  const auto word = args.take_word();
  if (!word) return unexpected("link: which incident? Name it, like `link INC-3 parent`");
  const auto other = parse_incident_key(*word);
  if (!other) {
    return unexpected(fmt::format("link: expected an incident key like INC-3, got \"{}\"", *word));
  }
  LinkRequest request{.other = *other};
  if (const auto name = args.take_word()) {
    const auto relation = storage::parse_relation(to_lower_ascii(*name));
    if (!relation) {
      return unexpected(
          fmt::format("link: expected parent, child, duplicate or related, got \"{}\"", *name));
    }
    request.relation = *relation;
  }
  if (const auto extra = args.peek_word()) {
    return unexpected(fmt::format("link: \"{}\" is extra", *extra));
  }
  return request;
}

// This incident: named before `link`, or the one bound to the channel; never closed.
Expected<storage::Incident> find_subject(const Invocation& who, const Arguments& args,
                                         storage::Store& store) {
  if (!args.incident() && !store.find_incident_in_channel(who.channel)) {
    return unexpected(
        "link: no incident is bound to this channel: name this incident before `link`, like "
        "`INC-7 link INC-3 parent`");
  }
  return find_changeable(who, args, store);
}

// Whether `ancestor` is above `incident`: its parent, its parent's parent… A loop already in
// the data stops the walk instead of hanging it.
bool is_ancestor(storage::Store& store, const storage::Incident& incident, std::int64_t ancestor) {
  std::set<std::int64_t> seen{incident.number};
  auto parent = incident.parent;
  while (parent && seen.insert(*parent).second) {
    if (*parent == ancestor) return true;
    const auto next = store.find_incident(*parent);
    parent = next ? next->parent : std::nullopt;
  }
  return false;
}

std::string key_of(std::int64_t number) {
  return "INC-" + std::to_string(number);
}

// Records the one `link` event, tells the incident's channel, and answers in the channel.
Reply linked(const Invocation& who, const storage::Incident& incident,
             const storage::Incident& other, Relation relation, const std::string& message,
             std::optional<std::int64_t> previous, storage::Store& store) {
  const std::string name(to_string(relation));
  storage::EventData data{{"relation", name}, {"other", other.key()}};
  if (previous) data.emplace("previous", key_of(*previous));
  record(store, who, incident, storage::EventKind::link, message, data);
  post(store, who, incident, Audience::incident_channel, "link", message,
       {{"is_" + name, "yes"},
        {"other", other.key()},
        {"other_title", other.title},
        {"previous", previous ? key_of(*previous) : ""}});
  return Reply::posted(message);
}

Reply link_parent(const Invocation& who, storage::Incident incident, const storage::Incident& other,
                  storage::Store& store) {
  if (incident.parent == other.number) {
    return Reply::refused(
        fmt::format("link: {} is already {}'s parent", other.key(), incident.key()));
  }
  if (is_ancestor(store, other, incident.number)) {
    return Reply::refused(fmt::format(
        "link: {} is below {} already, so it cannot be its parent (that would make a loop)",
        other.key(), incident.key()));
  }
  const auto previous = incident.parent;
  incident.parent = other.number;
  store.save_incident(incident);
  std::string message =
      fmt::format("{}'s parent is now {}: {}", incident.key(), other.key(), other.title);
  if (previous) message += fmt::format(" (was {})", key_of(*previous));
  return linked(who, incident, other, Relation::parent, message, previous, store);
}

Reply link_child(const Invocation& who, const storage::Incident& incident, storage::Incident other,
                 storage::Store& store) {
  if (auto closed = refuse_if_closed(other)) return Reply::refused("link: " + *closed);
  if (other.parent == incident.number) {
    return Reply::refused(
        fmt::format("link: {} is already a child of {}", other.key(), incident.key()));
  }
  if (is_ancestor(store, incident, other.number)) {
    return Reply::refused(fmt::format(
        "link: {} is above {} already, so it cannot be its child (that would make a loop)",
        other.key(), incident.key()));
  }
  const auto previous = other.parent;
  other.parent = incident.number;
  store.save_incident(other);
  std::string message =
      fmt::format("{} is now a child of {}: {}", other.key(), incident.key(), other.title);
  if (previous) message += fmt::format(" (was a child of {})", key_of(*previous));
  return linked(who, incident, other, Relation::child, message, previous, store);
}

// Why `relation` (duplicate or related) between the two may not be added, or nullopt.
std::optional<std::string> refuse_existing_link(storage::Store& store,
                                                const storage::Incident& incident,
                                                const storage::Incident& other, Relation relation) {
  for (const auto& link : store.links(incident.number)) {
    if (link.relation != relation) continue;
    const bool forward = link.incident == incident.number && link.other == other.number;
    const bool backward = link.incident == other.number && link.other == incident.number;
    if (relation == Relation::related && (forward || backward)) {
      return fmt::format("link: {} and {} are already related", incident.key(), other.key());
    }
    if (forward) {
      return fmt::format("link: {} is already a duplicate of {}", incident.key(), other.key());
    }
    if (backward) {
      return fmt::format("link: {} is a duplicate of {}, so {} cannot duplicate it", other.key(),
                         incident.key(), incident.key());
    }
  }
  return std::nullopt;
}

// The link event first, then (if this incident is open) the resolve, as `resolve` records it.
Reply link_duplicate(const Invocation& who, const storage::Incident& incident,
                     const storage::Incident& other, storage::Store& store) {
  store.add_link(storage::Link{.incident = incident.number,
                               .other = other.number,
                               .relation = Relation::duplicate,
                               .created_at = who.at});
  const std::string message =
      fmt::format("{} is a duplicate of {}: {} ({}). Follow {} from here.", incident.key(),
                  other.key(), other.title, to_string(other.status), other.key());
  Reply reply = linked(who, incident, other, Relation::duplicate, message, {}, store);
  if (!storage::is_open(incident.status)) return reply;
  // The link left the incident's row as it was (the chain head is the store's business).
  Reply resolved = change_status(who, incident, storage::Status::resolved,
                                 storage::EventKind::resolve, "duplicate of " + other.key(), store);
  if (resolved.outcome != Outcome::ok) return resolved;
  return Reply::posted(message + "\n" + resolved.text);
}

Reply link_related(const Invocation& who, const storage::Incident& incident,
                   const storage::Incident& other, storage::Store& store) {
  store.add_link(storage::Link{.incident = incident.number,
                               .other = other.number,
                               .relation = Relation::related,
                               .created_at = who.at});
  const std::string message =
      fmt::format("{} is related to {}: {}", incident.key(), other.key(), other.title);
  return linked(who, incident, other, Relation::related, message, {}, store);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const auto request = parse_request(args);
  if (!request) return Reply::refused(request.error(), usage);
  auto incident = find_subject(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  if (request->other == incident->number) {
    return Reply::refused(fmt::format("link: {} cannot be linked to itself", incident->key()),
                          usage);
  }
  const auto other = store.find_incident(request->other);
  if (!other) {
    return Reply::refused(fmt::format("link: there is no {}: `list all` shows every incident",
                                      key_of(request->other)),
                          usage);
  }
  switch (request->relation) {
    case Relation::parent:
      return link_parent(who, *incident, *other, store);
    case Relation::child:
      return link_child(who, *incident, *other, store);
    case Relation::duplicate:
    case Relation::related:
      if (auto refusal = refuse_existing_link(store, *incident, *other, request->relation)) {
        return Reply::refused(*refusal);
      }
      return request->relation == Relation::duplicate
                 ? link_duplicate(who, *incident, *other, store)
                 : link_related(who, *incident, *other, store);
  }
  return Reply::refused("link: unknown relation", usage);
}

}  // namespace

extern const Command link{.name = "link",
                          .usage = usage,
                          .summary =
                              "Link this incident to another: its parent, a child, the "
                              "incident it duplicates, or a related one.",
                          .run = run,
                          .takes_incident_argument = true};

}  // namespace warroom::commands

// The outbox worker's loop: read what is due in a short transaction, call the chat API with
// no transaction open, then record the outcome in a new one, so nothing is posted twice.
#include "bot/outbox_worker.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "commands/clock.h"
#include "storage/database.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"

namespace warroom::bot {
namespace {

using namespace std::chrono_literals;
using Outcome = Delivery::Outcome;

constexpr std::size_t round_size = 16;
constexpr std::chrono::milliseconds max_idle = 1s;
constexpr std::chrono::milliseconds storage_error_pause = 1s;
constexpr std::chrono::milliseconds max_retry_delay = 5min;
constexpr std::string_view incident_prefix = "incident:INC-";

// "incident:INC-7" → 7; nullopt for anything else.
std::optional<std::int64_t> incident_of(std::string_view destination) {
  if (!destination.starts_with(incident_prefix)) return std::nullopt;
  const std::string_view digits = destination.substr(incident_prefix.size());
  std::int64_t number = 0;
  const char* end = digits.data() + digits.size();
  const auto [stop, problem] = std::from_chars(digits.data(), end, number);
  if (digits.empty() || problem != std::errc{} || stop != end || number <= 0) return std::nullopt;
  return number;
}

// A follow-up call for the same destination, queued behind what is already waiting there.
storage::OutboxMessage follow_up(const storage::OutboxMessage& message, std::string method,
                                 std::map<std::string, std::string> fields, TimePoint now) {
  return storage::OutboxMessage{.incident = message.incident,
                                .created_at = now,
                                .destination = message.destination,
                                .method = std::move(method),
                                .fields = std::move(fields)};
}

void record_sent(storage::SqliteStore& store, const storage::OutboxMessage& message,
                 const Delivery& delivery, TimePoint now) {
  store.mark_sent(message.id, now);
  if (message.method == "conversations.create") {
    if (const auto number = incident_of(message.destination)) {
      store.bind_channel(*number, delivery.channel);
    }
  }
  if (message.method == "chat.postMessage" && storage::value_of(message.fields, "pin") == "true" &&
      !delivery.ts.empty()) {
    store.enqueue(follow_up(message, "pins.add", {{"timestamp", delivery.ts}}, now));
  }
}

// Without a channel of its own the incident lives where it was declared: what was queued for
// the new channel (invite, topic, pinned declaration) is dropped, later messages go there.
void fall_back_to_declaring_channel(storage::SqliteStore& store,
                                    const storage::OutboxMessage& create,
                                    const Delivery& delivery) {
  const auto number = incident_of(create.destination);
  const auto incident = number ? store.find_incident(*number) : std::nullopt;
  if (!incident || !incident->channel.empty()) return;
  store.bind_channel(incident->number, incident->declared_in);
  store.fail_pending(create.destination,
                     "the incident channel could not be created: " + delivery.error);
  spdlog::warn("{}: could not create its channel ({}); it stays in {}", incident->key(),
               delivery.error, incident->declared_in);
}

void record_failure(storage::SqliteStore& store, const storage::OutboxMessage& message,
                    const Delivery& delivery, TimePoint now) {
  store.mark_failed(message.id, delivery.error);
  if (message.method == "conversations.create") {
    fall_back_to_declaring_channel(store, message, delivery);
  }
  if (!message.incident) return;
  store.append_event(
      *message.incident,
      storage::NewEvent{.at = now,
                        .actor = "warroom",
                        .kind = storage::EventKind::delivery_failed,
                        .text = "could not deliver " + message.method + ": " + delivery.error,
                        .data = {{"method", message.method},
                                 {"error", delivery.error},
                                 {"message_id", std::to_string(message.id)}}});
}

}  // namespace

std::chrono::milliseconds retry_delay(std::int64_t attempts, double jitter) {
  const auto doublings = static_cast<int>(std::clamp<std::int64_t>(attempts - 1, 0, 20));
  const std::chrono::milliseconds base = std::min<std::chrono::milliseconds>(
      std::chrono::milliseconds{1000LL << doublings}, max_retry_delay);
  const double factor = 1.0 + 0.2 * std::clamp(jitter, -1.0, 1.0);
  return std::chrono::milliseconds{
      static_cast<std::int64_t>(static_cast<double>(base.count()) * factor)};
}

OutboxWorker::OutboxWorker(const std::string& database_path, ChatApi& api,
                           const commands::Clock& clock, std::string only_destinations)
    : db_(std::make_unique<storage::Database>(database_path)),
      api_(api),
      clock_(clock),
      only_destinations_(std::move(only_destinations)),
      random_(std::random_device{}()),
      thread_([this] { run(); }) {}

OutboxWorker::~OutboxWorker() {
  stop();
}

void OutboxWorker::notify() {
  {
    const std::lock_guard lock(mutex_);
    notified_ = true;
  }
  wake_.notify_one();
}

void OutboxWorker::stop() {
  {
    const std::lock_guard lock(mutex_);
    stop_requested_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool OutboxWorker::stop_requested() {
  const std::lock_guard lock(mutex_);
  return stop_requested_;
}

void OutboxWorker::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, timeout, [this] { return stop_requested_ || notified_; });
}

void OutboxWorker::run() {
  while (!stop_requested()) {
    std::chrono::milliseconds pause = storage_error_pause;
    try {
      pause = deliver_due_messages();
    } catch (const std::exception& e) {
      spdlog::error("outbox worker: {}; trying again in {} ms", e.what(), pause.count());
    } catch (...) {
      spdlog::error("outbox worker: unknown failure; trying again in {} ms", pause.count());
    }
    if (pause > 0ms) wait(pause);
  }
}

std::chrono::milliseconds OutboxWorker::deliver_due_messages() {
  const Round round = plan_round();
  std::set<std::string> rate_limited_methods;  // paused during this round
  std::size_t attempted = 0;
  for (const Attempt& attempt : round.attempts) {
    if (stop_requested()) break;
    if (rate_limited_methods.contains(attempt.message.method)) continue;
    const Delivery delivery = attempt.known_outcome ? *attempt.known_outcome : call_api(attempt);
    record(attempt.message, delivery);
    if (delivery.outcome == Outcome::rate_limited) {
      rate_limited_methods.insert(attempt.message.method);
    }
    ++attempted;
  }
  return attempted > 0 ? 0ms : round.wake_in;
}

OutboxWorker::Round OutboxWorker::plan_round() {
  {
    const std::lock_guard lock(mutex_);
    notified_ = false;  // whatever is committed from here on is seen by this round or the next
  }
  const TimePoint now = clock_.now();
  Round round;
  round.wake_in = max_idle;
  storage::Transaction transaction(*db_);
  storage::SqliteStore store(*db_);
  if (const auto next = store.next_attempt_at(); next && *next > now) {
    round.wake_in = std::min(round.wake_in, *next - now);
  }
  for (const auto& message : store.due_messages(now, round_size, only_destinations_)) {
    if (const auto until = store.method_paused_until(message.method); until && *until > now) {
      round.wake_in = std::min(round.wake_in, *until - now);
      continue;
    }
    if (auto attempt = resolve(store, message)) round.attempts.push_back(std::move(*attempt));
  }
  transaction.commit();
  return round;
}

// A channel id goes as it is; `incident:INC-n` goes to the incident's bound channel, and
// waits (nullopt) until conversations.create has bound one.
std::optional<OutboxWorker::Attempt> OutboxWorker::resolve(storage::SqliteStore& store,
                                                           const storage::OutboxMessage& message) {
  if (!message.destination.starts_with("incident:")) {
    if (storage::value_of(message.fields, "wait_for_channel") != "true" || !message.incident) {
      return Attempt{.message = message, .channel = message.destination};
    }
    // An announcement that links to the incident's own channel waits until it exists.
    const auto incident = store.find_incident(*message.incident);
    if (incident && incident->channel.empty()) return std::nullopt;
    Attempt attempt{.message = message, .channel = message.destination};
    if (incident) attempt.message.fields["incident_channel"] = incident->channel;
    return attempt;
  }
  const auto number = incident_of(message.destination);
  const auto refuse = [&](std::string error) {
    return Attempt{
        .message = message,
        .known_outcome = Delivery{.outcome = Outcome::failed, .error = std::move(error)}};
  };
  if (!number) return refuse("destination \"" + message.destination + "\" names no incident");
  if (message.method == "conversations.create") return Attempt{.message = message};
  const auto incident = store.find_incident(*number);
  if (!incident) return refuse("INC-" + std::to_string(*number) + " does not exist");
  if (incident->channel.empty()) return std::nullopt;
  return Attempt{.message = message, .channel = incident->channel};
}

Delivery OutboxWorker::call_api(const Attempt& attempt) {
  try {
    return api_.deliver(attempt.message, attempt.channel);
  } catch (const std::exception& e) {  // a bug, not the API: keep the message and try later
    return Delivery{.outcome = Outcome::retry, .error = std::string{"internal: "} + e.what()};
  }
}

void OutboxWorker::record(const storage::OutboxMessage& message, const Delivery& delivery) {
  const TimePoint now = clock_.now();
  storage::Transaction transaction(*db_);
  storage::SqliteStore store(*db_);
  switch (delivery.outcome) {
    case Outcome::sent:
      record_sent(store, message, delivery, now);
      break;
    case Outcome::retry: {
      std::uniform_real_distribution<double> jitter(-1.0, 1.0);
      const auto delay = retry_delay(message.attempts + 1, jitter(random_));
      store.schedule_retry(message.id, now + delay, delivery.error);
      spdlog::info("outbox message {} ({}) failed, retrying in {} ms: {}", message.id,
                   message.method, delay.count(), delivery.error);
      break;
    }
    case Outcome::rate_limited: {
      // The clock reads whole milliseconds, so `now` may be up to 1 ms behind: resuming 1 ms
      // later keeps every call at least Retry-After after the 429.
      const TimePoint resume_at = now + delivery.retry_after + 1ms;
      store.pause_method(message.method, resume_at);
      store.schedule_retry(message.id, resume_at, delivery.error);
      spdlog::info("{} is rate limited: paused for {} ms", message.method,
                   delivery.retry_after.count());
      break;
    }
    case Outcome::failed:
      record_failure(store, message, delivery, now);
      break;
  }
  transaction.commit();
  if (delivery.outcome == Outcome::failed) {
    spdlog::warn("outbox message {} ({} to {}) failed for good: {}", message.id, message.method,
                 message.destination, delivery.error);
  }
}

}  // namespace warroom::bot

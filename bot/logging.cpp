// The process-wide logger (the one global STYLE.md allows), as text or as JSON lines.
#include "bot/logging.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

#include "storage/time.h"

namespace warroom::bot {
namespace {

using std::chrono::steady_clock;

// Lines are held in memory and written to stderr together, so a busy server makes one write
// per batch instead of one per request. Every line is kept: a line is written at once when
// nothing was written for max_hold (so a quiet server's log stays immediate), when it is a
// warning or worse, when the batch reaches max_pending_bytes, on flush (spdlog::flush_every
// calls it each second) and when the logger goes away at exit.
class BatchedStderr : public spdlog::sinks::base_sink<std::mutex> {
 public:
  BatchedStderr(const BatchedStderr&) = delete;
  BatchedStderr& operator=(const BatchedStderr&) = delete;
  BatchedStderr(BatchedStderr&&) = delete;
  BatchedStderr& operator=(BatchedStderr&&) = delete;
  ~BatchedStderr() override {
    const std::scoped_lock lock(mutex_);
    write_pending();
  }

 protected:
  BatchedStderr() = default;
  // Appends one formatted line, newline included, to `into`.
  virtual void format_line(const spdlog::details::log_msg& message, spdlog::memory_buf_t& into) = 0;

  void sink_it_(const spdlog::details::log_msg& message) override {
    format_line(message, pending_);
    if (message.level >= spdlog::level::warn || pending_.size() >= max_pending_bytes ||
        steady_clock::now() - written_at_ >= max_hold) {
      write_pending();
    }
  }
  void flush_() override { write_pending(); }

 private:
  static constexpr std::size_t max_pending_bytes = 16 * 1024;
  static constexpr std::chrono::milliseconds max_hold{50};

  void write_pending() {
    if (pending_.size() > 0) {
      std::fwrite(pending_.data(), 1, pending_.size(), stderr);
      std::fflush(stderr);
      pending_.clear();
    }
    written_at_ = steady_clock::now();
  }

  spdlog::memory_buf_t pending_;
  steady_clock::time_point written_at_;
};

// `2026-11-24T06:01:02.123Z info message`.
class TextLines final : public BatchedStderr {
 protected:
  void format_line(const spdlog::details::log_msg& message, spdlog::memory_buf_t& into) override {
    formatter_->format(message, into);
  }
};

// One JSON object per line; nlohmann escapes the message (quotes, newlines, bad UTF-8).
class JsonLines final : public BatchedStderr {
 protected:
  void format_line(const spdlog::details::log_msg& message, spdlog::memory_buf_t& into) override {
    const auto at = std::chrono::time_point_cast<std::chrono::milliseconds>(message.time);
    const nlohmann::json line = {
        {"at", format_utc(TimePoint(at.time_since_epoch()))},
        {"level", std::string(spdlog::level::to_string_view(message.level).data(),
                              spdlog::level::to_string_view(message.level).size())},
        {"message", std::string(message.payload.data(), message.payload.size())}};
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    into.append(text.data(), text.data() + text.size());
  }
};

}  // namespace

void setup_logging(std::string_view format) {
  std::shared_ptr<spdlog::logger> logger;
  if (format == "json") {
    logger = std::make_shared<spdlog::logger>("warroom", std::make_shared<JsonLines>());
  } else {
    logger = std::make_shared<spdlog::logger>("warroom", std::make_shared<TextLines>());
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  }
  spdlog::set_default_logger(std::move(logger));
  // The flusher is a thread of its own, started before `serve` blocks SIGTERM and SIGINT for
  // its signal watcher: unless it blocks them too, the kernel may hand it a SIGTERM, whose
  // default action ends the process at once (exit 143, no graceful stop). So it starts with
  // every signal blocked.
  sigset_t all_signals;
  sigset_t previous;
  sigfillset(&all_signals);
  pthread_sigmask(SIG_BLOCK, &all_signals, &previous);
  spdlog::flush_every(std::chrono::seconds(1));  // what a busy second held back
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

}  // namespace warroom::bot

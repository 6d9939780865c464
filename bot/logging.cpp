// The process-wide logger (the one global STYLE.md allows), as text or as JSON lines.
#include "bot/logging.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

#include "storage/time.h"

namespace warroom::bot {
namespace {

// One JSON object per line on stderr; nlohmann escapes the message (quotes, newlines, bad UTF-8).
class JsonLines final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const auto at = std::chrono::time_point_cast<std::chrono::milliseconds>(message.time);
    const nlohmann::json line = {
        {"at", format_utc(TimePoint(at.time_since_epoch()))},
        {"level", std::string(spdlog::level::to_string_view(message.level).data(),
                              spdlog::level::to_string_view(message.level).size())},
        {"message", std::string(message.payload.data(), message.payload.size())}};
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

void setup_logging(std::string_view format) {
  std::shared_ptr<spdlog::logger> logger;
  if (format == "json") {
    logger = std::make_shared<spdlog::logger>("warroom", std::make_shared<JsonLines>());
  } else {
    logger = spdlog::stderr_logger_mt("warroom");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  }
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace warroom::bot

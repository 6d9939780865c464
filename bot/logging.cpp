// The process-wide logger (the one global STYLE.md allows).
#include "bot/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace warroom::bot {

void setup_logging() {
  auto logger = spdlog::stderr_logger_mt("warroom");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace warroom::bot

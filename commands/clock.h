// The one source of "now". The binary uses the system clock; tests inject a fixed one.
#pragma once

#include <chrono>

#include "storage/time.h"

namespace warroom::commands {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

// A clock that says what it is told; advance() moves it forward.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint now() const override { return now_; }
  void set(TimePoint at) { now_ = at; }
  void advance(std::chrono::milliseconds by) { now_ += by; }

 private:
  TimePoint now_;
};

}  // namespace warroom::commands

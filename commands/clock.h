// The one source of "now". The binary uses the system clock; tests inject a fixed one.
#pragma once

#include <atomic>
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

// A clock that says what it is told; advance() moves it forward. Safe to move from a test
// while another thread (the scheduler, the outbox worker) reads it.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint now() const override { return now_.load(); }
  void set(TimePoint at) { now_.store(at); }
  void advance(std::chrono::milliseconds by) {
    TimePoint at = now_.load();
    while (!now_.compare_exchange_weak(at, at + by)) {
    }
  }

 private:
  std::atomic<TimePoint> now_;
};

}  // namespace warroom::commands

// Expected<T>: a value or a message for the user, spelled like std::expected (which GCC 12
// lacks in C++20) so it can later become a using-declaration.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace warroom::commands {

template <typename E>
struct Unexpected {
  E error;
};

inline Unexpected<std::string> unexpected(std::string error) {
  return {std::move(error)};
}

template <typename T, typename E = std::string>
class Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Expected(Unexpected<E> error)                                            // NOLINT: implicit
      : state_(std::in_place_index<1>, std::move(error.error)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const E& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace warroom::commands

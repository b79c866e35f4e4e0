#pragma once
#include <chrono>
#include <string>

namespace coron::app {

/// Progress on stderr, shown only once a task has lasted more than a second, so
/// short runs stay quiet. Not thread-safe: call from the driving thread.
class Progress {
 public:
  explicit Progress(std::string what, bool enabled = true);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Reports the fraction done, 0..1.
  void update(double fraction);

 private:
  std::string what_;
  bool enabled_;
  bool shown_ = false;
  int last_percent_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace coron::app

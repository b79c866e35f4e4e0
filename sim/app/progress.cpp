#include "app/progress.hpp"

#include <cstdio>

namespace coron::app {

Progress::Progress(std::string what, bool enabled)
    : what_(std::move(what)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (shown_) std::fputc('\n', stderr);
}

void Progress::update(double fraction) {
  if (!enabled_) return;
  const auto elapsed = std::chrono::steady_clock::now() - start_;
  if (elapsed < std::chrono::seconds(1)) return;
  const int percent = static_cast<int>(fraction * 100.0);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  shown_ = true;
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::fprintf(stderr, "\r%s: %3d %% (%.1f s)", what_.c_str(), percent, seconds);
  std::fflush(stderr);
}

}  // namespace coron::app

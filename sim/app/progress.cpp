#include "app/progress.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace coron::app {

namespace {

constexpr int bar_width = 24;
// Below this a task has not earned a line on anybody's screen.
constexpr auto quiet_for = std::chrono::seconds(1);

/// "45/100": the units wholly done, of the total.
std::string count_of(const ProgressPoint& p) {
  return fmt::format("{:.0f}/{:.0f}", std::floor(p.done), p.total);
}

std::string rate_and_left(const ProgressPoint& p) {
  const double rate = p.rate();
  const double left = p.seconds_left();
  std::string text = rate >= 10.0 ? fmt::format("{:.0f}/s", rate)
                     : rate > 0.0 ? fmt::format("{:.2g}/s", rate)
                                  : std::string("-/s");
  text += left < 0.0 ? std::string(", time left unknown") : ", " + format_duration(left) + " left";
  return text;
}

}  // namespace

double ProgressPoint::rate() const noexcept { return done > 0.0 && elapsed_s > 0.0 ? done / elapsed_s : 0.0; }

double ProgressPoint::seconds_left() const noexcept {
  const double r = rate();
  return r > 0.0 ? std::max(0.0, total - done) / r : -1.0;
}

std::string format_duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
  return fmt::format("{} h {:02} min", s / 3600, (s % 3600) / 60);
}

std::string format_progress_bar(std::string_view what, std::string_view unit, const ProgressPoint& p) {
  const double fraction = p.total > 0.0 ? std::clamp(p.done / p.total, 0.0, 1.0) : 1.0;
  const auto filled = static_cast<int>(fraction * bar_width);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(bar_width - filled), '.');
  return fmt::format("{} [{}] {} {}, {}", what, bar, count_of(p), unit, rate_and_left(p));
}

std::string format_progress_line(std::string_view what, std::string_view unit, const ProgressPoint& p) {
  const double percent = p.total > 0.0 ? 100.0 * std::clamp(p.done / p.total, 0.0, 1.0) : 100.0;
  return fmt::format("{}: {} {} ({:.0f} %), {}", what, count_of(p), unit, std::floor(percent),
                     rate_and_left(p));
}

ProgressMode progress_mode(bool enabled) {
  if (!enabled) return ProgressMode::none;
  if (const char* forced = std::getenv("CORON_PROGRESS")) {
    const std::string_view mode(forced);
    if (mode == "bar") return ProgressMode::bar;
    if (mode == "lines") return ProgressMode::lines;
    if (mode == "none") return ProgressMode::none;
  }
  return isatty(STDERR_FILENO) != 0 ? ProgressMode::bar : ProgressMode::lines;
}

Progress::Progress(std::string what, double total, std::string unit, bool enabled)
    : what_(std::move(what)),
      unit_(std::move(unit)),
      total_(total),
      mode_(progress_mode(enabled)),
      forced_(std::getenv("CORON_PROGRESS") != nullptr),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  // The bar's line is ended so that what follows starts on its own.
  if (bar_shown_) std::fputc('\n', stderr);
}

void Progress::update(double done) {
  if (mode_ == ProgressMode::none) return;
  const auto elapsed = std::chrono::steady_clock::now() - start_;
  if (!forced_ && elapsed < quiet_for) return;
  const ProgressPoint p{done, total_, std::chrono::duration<double>(elapsed).count()};
  const double fraction = total_ > 0.0 ? std::clamp(done / total_, 0.0, 1.0) : 1.0;
  if (mode_ == ProgressMode::bar) {
    // Redrawn when a thousandth has passed: often enough to move, rarely enough to cost nothing.
    const auto permille = static_cast<int>(fraction * 1000.0);
    if (permille == last_permille_) return;
    last_permille_ = permille;
    bar_shown_ = true;
    std::fprintf(stderr, "\r%s\033[K", format_progress_bar(what_, unit_, p).c_str());
    std::fflush(stderr);
    return;
  }
  // A line each time a new tenth is passed (several tenths at once give one line).
  const auto tenth = static_cast<int>(fraction * 10.0);
  if (tenth <= last_tenth_) return;
  last_tenth_ = tenth;
  std::fprintf(stderr, "%s\n", format_progress_line(what_, unit_, p).c_str());
  std::fflush(stderr);
}

}  // namespace coron::app

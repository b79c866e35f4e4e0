#pragma once
#include <chrono>
#include <string>
#include <string_view>

// Progress of a long command on stderr (README, "The command"): on a terminal a bar redrawn
// in place with the rate and the time left; otherwise (a log, a pipe, CI) a plain line at each
// tenth of the work. `-q` silences it. Short tasks stay quiet: nothing is shown before a second
// has passed, unless CORON_PROGRESS forces a mode (`bar`, `lines` or `none`), which also drops
// that delay so that logs and tests see every line.

namespace coron::app {

enum class ProgressMode { none, bar, lines };

/// Where the work stands: `done` of `total` units (fractions allowed) after `elapsed_s`.
struct ProgressPoint {
  double done = 0.0, total = 1.0, elapsed_s = 0.0;
  /// Units per second so far; 0 before any unit is done.
  [[nodiscard]] double rate() const noexcept;
  /// Seconds left at the rate so far; negative when it cannot be told yet.
  [[nodiscard]] double seconds_left() const noexcept;
};

/// "1 min 05 s", "12 s", "2 h 03 min": what a person reads at a glance.
[[nodiscard]] std::string format_duration(double seconds);
/// `what [#########...........]  45/100 replicates  3.2/s  17 s left` (one terminal line).
[[nodiscard]] std::string format_progress_bar(std::string_view what, std::string_view unit,
                                              const ProgressPoint& p);
/// `what: 45/100 replicates (45 %), 3.2/s, 17 s left` (one log line).
[[nodiscard]] std::string format_progress_line(std::string_view what, std::string_view unit,
                                               const ProgressPoint& p);

/// The mode for stderr: CORON_PROGRESS when set (bar, lines, none), else a bar on a terminal
/// and lines elsewhere; none when `enabled` is false (-q).
[[nodiscard]] ProgressMode progress_mode(bool enabled);

/// Not thread-safe: one caller at a time (the engine hands replicates over in order).
class Progress {
 public:
  /// `total` units named `unit` (plural: "replicates", "points").
  Progress(std::string what, double total, std::string unit, bool enabled = true);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// `done` units finished so far.
  void update(double done);

 private:
  std::string what_, unit_;
  double total_;
  ProgressMode mode_;
  bool forced_;  ///< CORON_PROGRESS set: no initial delay
  bool bar_shown_ = false;
  int last_tenth_ = 0, last_permille_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace coron::app

#pragma once
#include <filesystem>

// What SIGINT (Ctrl-C) and SIGTERM do to a command (docs/reliability.md): the partial files
// being written are removed, a line says so on stderr, and the process ends with 128 + the
// signal's number (130, 143), as shells expect. A previous result keeps its name and bytes:
// only complete files are ever renamed over it. The handler only calls async-signal-safe
// functions (unlink, write, _exit) on paths registered beforehand.

namespace coron::util {

/// Installs the handlers for SIGINT and SIGTERM. Call once, early in main().
void install_interrupt_handlers();

/// Registers a file to remove on interruption; returns its slot, or -1 when the registry
/// (16 files) is full or the path too long (the file is then not removed on a signal).
/// Thread-safe.
[[nodiscard]] int register_for_removal(const std::filesystem::path& file) noexcept;
/// Forgets a slot from register_for_removal (-1: nothing). Thread-safe.
void unregister_for_removal(int slot) noexcept;

}  // namespace coron::util

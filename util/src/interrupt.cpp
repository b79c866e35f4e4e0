#include "util/interrupt.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace coron::util {

namespace {

constexpr std::size_t slots = 16;
constexpr std::size_t max_path = 4096;

// Written by register_for_removal before its slot is marked used (release), read by the
// handler after it sees the mark (acquire): the handler never reads a half-written path.
std::array<std::array<char, max_path>, slots> paths{};
std::array<std::atomic<bool>, slots> used{};
// Which slots are taken (by a registration in progress or done): claimed first, so that two
// threads never write one path buffer.
std::array<std::atomic<bool>, slots> claimed{};

void write_stderr(const char* text) noexcept {
  const std::size_t n = std::strlen(text);
  const ssize_t ignored = ::write(STDERR_FILENO, text, n);
  static_cast<void>(ignored);
}

extern "C" void on_interrupt(int signal) {
  for (std::size_t k = 0; k < slots; ++k)
    if (used[k].load(std::memory_order_acquire)) ::unlink(paths[k].data());
  write_stderr(signal == SIGINT ? "\ncoron: interrupted; partial output removed\n"
                                : "\ncoron: terminated; partial output removed\n");
  ::_exit(128 + signal);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // Both signals blocked while either is handled: one removal, one exit.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int register_for_removal(const std::filesystem::path& file) noexcept {
  const std::string& text = file.native();
  if (text.size() + 1 > max_path) return -1;
  for (std::size_t k = 0; k < slots; ++k) {
    bool expected = false;
    if (!claimed[k].compare_exchange_strong(expected, true)) continue;
    std::memcpy(paths[k].data(), text.c_str(), text.size() + 1);
    used[k].store(true, std::memory_order_release);
    return static_cast<int>(k);
  }
  return -1;
}

void unregister_for_removal(int slot) noexcept {
  if (slot < 0) return;
  used[static_cast<std::size_t>(slot)].store(false, std::memory_order_release);
  claimed[static_cast<std::size_t>(slot)].store(false, std::memory_order_release);
}

}  // namespace coron::util

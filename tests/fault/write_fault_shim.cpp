// A preloaded library (LD_PRELOAD) that makes the N-th low-level write call on one of coron's
// output files fail, so that tests can drive the real binary through a full disk, an I/O error
// or a failed rename at every point of a run, without root and without a line of coron
// changed (docs/reliability.md, "Fault injection"). Nothing here is linked into coron.
//
// The calls counted are those on files whose name ends in ".partial": every output coron
// writes goes through util::PartialFile, and every input or temporary it reads does not.
// Counted: opening for writing (open, openat, creat, fopen), write, pwrite, writev, pwritev,
// ftruncate, fallocate, fsync, fdatasync, close, fclose, and the rename of a partial over its
// target. HDF5's sec2 driver and libstdc++'s file streams both reach these through the PLT,
// so they are seen; glibc's stdio internals are not, which is why fopen and fclose are counted
// themselves rather than the open and close inside them.
//
// Environment (read once, at load):
//   CORON_WRITE_FAULT_AT=N       the N-th counted call (1-based) fails; unset or 0: none fails
//   CORON_WRITE_FAULT_ERRNO=E    the errno it fails with: ENOSPC (default), EIO, EDQUOT,
//                                EXDEV, EACCES, EROFS
//   CORON_WRITE_FAULT_LOG=FILE   appends "N CALL FILE" for every counted call, so a first run
//                                can count them and say which call each N is
// A failing close or fclose still releases the descriptor, as Linux's close does.
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <string_view>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

struct Settings {
  long fail_at = 0;
  int error = ENOSPC;
  int log_fd = -1;
};

int errno_named(const char* name) {
  const std::string_view n = name == nullptr ? "" : name;
  if (n == "EIO") return EIO;
  if (n == "EDQUOT") return EDQUOT;
  if (n == "EXDEV") return EXDEV;
  if (n == "EACCES") return EACCES;
  if (n == "EROFS") return EROFS;
  return ENOSPC;
}

template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

using open_fn = int (*)(const char*, int, ...);
using openat_fn = int (*)(int, const char*, int, ...);

Settings& settings() {
  static Settings s = [] {
    Settings out;
    if (const char* at = std::getenv("CORON_WRITE_FAULT_AT")) out.fail_at = std::strtol(at, nullptr, 10);
    out.error = errno_named(std::getenv("CORON_WRITE_FAULT_ERRNO"));
    if (const char* log = std::getenv("CORON_WRITE_FAULT_LOG"))
      out.log_fd = real<open_fn>("open")(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    return out;
  }();
  return s;
}

// Descriptors open on a partial file. Descriptors are small integers; the ones above the table
// are not followed (coron holds a handful of files at once).
std::array<std::atomic<bool>, 4096> tracked{};
std::atomic<long> calls{0};

bool is_partial(const char* path) {
  const std::string_view p = path == nullptr ? "" : path;
  return p.ends_with(".partial");
}

bool is_tracked(int fd) {
  return fd >= 0 && static_cast<std::size_t>(fd) < tracked.size() && tracked[static_cast<std::size_t>(fd)];
}

void track(int fd, bool on) {
  if (fd >= 0 && static_cast<std::size_t>(fd) < tracked.size()) tracked[static_cast<std::size_t>(fd)] = on;
}

/// Counts one call on a partial file; true when it is the one to fail (errno is then set).
bool count_and_fail(const char* call, const char* path, int fd) {
  Settings& s = settings();
  const long n = calls.fetch_add(1) + 1;
  if (s.log_fd >= 0) {
    char target[512] = "";
    if (path != nullptr) {
      std::snprintf(target, sizeof target, "%s", path);
    } else {
      char link[64];
      std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
      const ssize_t got = readlink(link, target, sizeof target - 1);
      target[got > 0 ? got : 0] = '\0';
    }
    char line[640];
    const int len = std::snprintf(line, sizeof line, "%ld %s %s\n", n, call, target);
    if (len > 0)
      (void)!::write(
          s.log_fd, line,
          static_cast<std::size_t>(len) < sizeof line ? static_cast<std::size_t>(len) : sizeof line - 1);
  }
  if (n != s.fail_at) return false;
  errno = s.error;
  return true;
}

bool opens_for_writing(int flags) { return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0; }

int opened(int fd, const char* path, int flags) {
  if (fd >= 0 && is_partial(path) && opens_for_writing(flags)) track(fd, true);
  return fd;
}

// An open without O_CREAT of a partial that is not there fails whatever the disk (HDF5 tries
// one before creating its file); only an open that would succeed is counted.
template <class Open>
int counted_open(const char* path, int flags, Open&& open_it) {
  if (!is_partial(path) || !opens_for_writing(flags)) return open_it();
  if ((flags & O_CREAT) == 0) {
    const int fd = open_it();
    if (fd < 0) return fd;
    if (count_and_fail("open", path, -1)) {
      real<int (*)(int)>("close")(fd);
      errno = settings().error;
      return -1;
    }
    return opened(fd, path, flags);
  }
  if (count_and_fail("open", path, -1)) return -1;
  return opened(open_it(), path, flags);
}

mode_t mode_argument(int flags, va_list args) {
  return (flags & (O_CREAT | O_TMPFILE)) != 0 ? static_cast<mode_t>(va_arg(args, unsigned)) : 0;
}

}  // namespace

extern "C" {

int open(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const mode_t mode = mode_argument(flags, args);
  va_end(args);
  return counted_open(path, flags, [&] { return real<open_fn>("open")(path, flags, mode); });
}

int open64(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const mode_t mode = mode_argument(flags, args);
  va_end(args);
  return counted_open(path, flags, [&] { return real<open_fn>("open64")(path, flags, mode); });
}

int openat(int dir, const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const mode_t mode = mode_argument(flags, args);
  va_end(args);
  return counted_open(path, flags, [&] { return real<openat_fn>("openat")(dir, path, flags, mode); });
}

int openat64(int dir, const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const mode_t mode = mode_argument(flags, args);
  va_end(args);
  return counted_open(path, flags, [&] { return real<openat_fn>("openat64")(dir, path, flags, mode); });
}

int creat(const char* path, mode_t mode) { return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode); }
int creat64(const char* path, mode_t mode) { return open64(path, O_CREAT | O_WRONLY | O_TRUNC, mode); }

FILE* fopen(const char* path, const char* mode) {
  const bool writing = mode != nullptr && std::strpbrk(mode, "wa+") != nullptr;
  if (is_partial(path) && writing && count_and_fail("fopen", path, -1)) return nullptr;
  FILE* f = real<FILE* (*)(const char*, const char*)>("fopen")(path, mode);
  if (f != nullptr && is_partial(path) && writing) track(fileno(f), true);
  return f;
}

FILE* fopen64(const char* path, const char* mode) {
  const bool writing = mode != nullptr && std::strpbrk(mode, "wa+") != nullptr;
  if (is_partial(path) && writing && count_and_fail("fopen", path, -1)) return nullptr;
  FILE* f = real<FILE* (*)(const char*, const char*)>("fopen64")(path, mode);
  if (f != nullptr && is_partial(path) && writing) track(fileno(f), true);
  return f;
}

ssize_t write(int fd, const void* data, size_t size) {
  if (is_tracked(fd) && count_and_fail("write", nullptr, fd)) return -1;
  return real<ssize_t (*)(int, const void*, size_t)>("write")(fd, data, size);
}

ssize_t pwrite(int fd, const void* data, size_t size, off_t at) {
  if (is_tracked(fd) && count_and_fail("pwrite", nullptr, fd)) return -1;
  return real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite")(fd, data, size, at);
}

ssize_t pwrite64(int fd, const void* data, size_t size, off64_t at) {
  if (is_tracked(fd) && count_and_fail("pwrite", nullptr, fd)) return -1;
  return real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64")(fd, data, size, at);
}

ssize_t writev(int fd, const struct iovec* parts, int count) {
  if (is_tracked(fd) && count_and_fail("writev", nullptr, fd)) return -1;
  return real<ssize_t (*)(int, const struct iovec*, int)>("writev")(fd, parts, count);
}

ssize_t pwritev(int fd, const struct iovec* parts, int count, off_t at) {
  if (is_tracked(fd) && count_and_fail("pwritev", nullptr, fd)) return -1;
  return real<ssize_t (*)(int, const struct iovec*, int, off_t)>("pwritev")(fd, parts, count, at);
}

int ftruncate(int fd, off_t length) {
  if (is_tracked(fd) && count_and_fail("ftruncate", nullptr, fd)) return -1;
  return real<int (*)(int, off_t)>("ftruncate")(fd, length);
}

int ftruncate64(int fd, off64_t length) {
  if (is_tracked(fd) && count_and_fail("ftruncate", nullptr, fd)) return -1;
  return real<int (*)(int, off64_t)>("ftruncate64")(fd, length);
}

int fallocate(int fd, int mode, off_t at, off_t length) {
  if (is_tracked(fd) && count_and_fail("fallocate", nullptr, fd)) return -1;
  return real<int (*)(int, int, off_t, off_t)>("fallocate")(fd, mode, at, length);
}

int fsync(int fd) {
  if (is_tracked(fd) && count_and_fail("fsync", nullptr, fd)) return -1;
  return real<int (*)(int)>("fsync")(fd);
}

int fdatasync(int fd) {
  if (is_tracked(fd) && count_and_fail("fdatasync", nullptr, fd)) return -1;
  return real<int (*)(int)>("fdatasync")(fd);
}

int close(int fd) {
  const bool fail = is_tracked(fd) && count_and_fail("close", nullptr, fd);
  track(fd, false);
  const int result = real<int (*)(int)>("close")(fd);
  if (!fail) return result;
  errno = settings().error;
  return -1;
}

int fclose(FILE* f) {
  const int fd = f == nullptr ? -1 : fileno(f);
  const bool fail = is_tracked(fd) && count_and_fail("fclose", nullptr, fd);
  track(fd, false);
  const int result = real<int (*)(FILE*)>("fclose")(f);
  if (!fail) return result;
  errno = settings().error;
  return EOF;
}

int rename(const char* from, const char* to) {
  if (is_partial(from) && count_and_fail("rename", from, -1)) return -1;
  return real<int (*)(const char*, const char*)>("rename")(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
  if (is_partial(from) && count_and_fail("rename", from, -1)) return -1;
  return real<int (*)(int, const char*, int, const char*)>("renameat")(from_dir, from, to_dir, to);
}

}  // extern "C"

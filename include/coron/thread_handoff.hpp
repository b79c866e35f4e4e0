#pragma once

// A hand-off of memory from one thread to another that ThreadSanitizer cannot see by itself.
//
// TBB moves work between threads inside libtbb (spawning a parallel_for's tasks, passing a
// pipeline's tokens from stage to stage), and Debian builds libtbb without ThreadSanitizer:
// the order it guarantees is real, but the sanitizer does not see it and reports races that
// cannot happen (google/sanitizers#1004, uxlfoundation/oneTBB#358: TBB must itself be built
// with the sanitizer for it to see them). The places that hand work to TBB say so with a
// HandOff (coron::parallel_for for every loop, the replicates' pipeline for its stages):
// give() on the side that wrote, take() on the side that reads after it. In a
// ThreadSanitizer build these are its release and acquire annotations on the HandOff's
// address; otherwise empty inline functions, nothing in the optimised code.

#if defined(__SANITIZE_THREAD__)
#define CORON_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CORON_THREAD_SANITIZER 1
#endif
#endif

#if defined(CORON_THREAD_SANITIZER)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace coron {

class HandOff {
 public:
  /// Everything this thread wrote before is visible to a thread that take()s after.
  void give() noexcept {
#if defined(CORON_THREAD_SANITIZER)
    __tsan_release(&token_);
#endif
  }
  /// Sees everything written before any give() that came before.
  void take() noexcept {
#if defined(CORON_THREAD_SANITIZER)
    __tsan_acquire(&token_);
#endif
  }

 private:
  [[maybe_unused]] char token_ = 0;  // its address is the hand-off's identity
};

}  // namespace coron

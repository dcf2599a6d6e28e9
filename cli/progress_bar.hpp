#pragma once
// "done/total, rate, ETA" on stderr for the long commands, redrawn at most ten times a second, and
// only when stderr is a terminal (so logs and pipes stay clean).
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace blackstart::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void update(long done, long total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
    const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
    const int width = 30;
    const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r[%.*s%*s] %ld/%ld runs  %.0f runs/s  ETA %.0fs   ", filled,
                 "##############################", width - filled, "", done, total, rate, eta);
    if (done == total) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

}  // namespace blackstart::cli

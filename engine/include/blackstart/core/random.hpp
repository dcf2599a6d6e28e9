#pragma once
#include <cstdint>
#include <string_view>

namespace blackstart::core {

//! Mixes several integers into one well-spread 64-bit seed (splitmix64 finaliser).
std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0, std::uint64_t d = 0);
//! Stable 64-bit hash of a purpose label (FNV-1a), so streams are named, not numbered by hand.
std::uint64_t purpose_hash(std::string_view purpose);

//! Random stream derived from (scenario seed, run index, purpose, item): every draw is reproducible
//! whatever order or thread the draws happen in. Uses its own transforms, not std distributions,
//! so results do not change between standard libraries.
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t run, std::string_view purpose, std::uint64_t item)
      : Rng(mix_seed(seed, run, purpose_hash(purpose), item)) {}
  explicit Rng(std::uint64_t raw_seed);

  //! Uniform in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  //! Standard normal by Box-Muller.
  double normal();
  //! Next 64 random bits (xoshiro256**: small state, so a stream per draw site costs nothing).
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace blackstart::core

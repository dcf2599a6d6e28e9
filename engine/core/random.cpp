#include "blackstart/core/random.hpp"

#include <cmath>
#include <numbers>

namespace blackstart::core {

namespace {
std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
}  // namespace

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  std::uint64_t h = splitmix(a);
  h = splitmix(h ^ b);
  h = splitmix(h ^ c);
  return splitmix(h ^ d);
}

std::uint64_t purpose_hash(std::string_view purpose) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char ch : purpose) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  return h;
}

Rng::Rng(std::uint64_t raw_seed) {
  // splitmix64 fills the state, as the xoshiro authors recommend; never all zero.
  std::uint64_t x = raw_seed;
  for (auto& word : state_) {
    x += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    word = z ^ (z >> 31);
  }
}

double Rng::normal() {
  double u1 = uniform01();
  while (u1 <= 0.0) u1 = uniform01();
  const double u2 = uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace blackstart::core

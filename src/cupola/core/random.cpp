#include "cupola/core/random.h"

#include <cmath>

namespace cupola {

std::uint64_t Mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t HashName(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t ReplicationSeed(std::uint64_t campaign_seed, std::uint64_t index) {
  return Mix64(Mix64(campaign_seed) ^ Mix64(index + 0x632be59bd9b4e019ULL));
}

std::uint64_t StreamSeed(std::uint64_t replication_seed, std::string_view stream_name) {
  return Mix64(replication_seed ^ Mix64(HashName(stream_name)));
}

std::uint64_t SubstreamSeed(std::uint64_t stream_seed, std::uint64_t key) {
  return Mix64(stream_seed ^ Mix64(key ^ 0x5851f42d4c957f2dULL));
}

namespace {
std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

Rng::Rng(std::uint64_t seed) {
  // Fill the state from SplitMix64 as the xoshiro authors recommend.
  for (auto& word : s_) {
    seed += 0x9e3779b97f4a7c15ULL;
    word = Mix64(seed);
  }
}

std::uint64_t Rng::NextU64() {
  const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

double Rng::Uniform() { return static_cast<double>(NextU64() >> 11) * 0x1.0p-53; }

double Rng::Normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_normal_;
  }
  double u, v, s;
  do {
    u = 2.0 * Uniform() - 1.0;
    v = 2.0 * Uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

int Rng::Poisson(double mean) {
  if (mean <= 0.0) return 0;
  if (mean < 30.0) {
    const double limit = std::exp(-mean);
    int count = 0;
    for (double product = Uniform(); product > limit; product *= Uniform()) ++count;
    return count;
  }
  const double x = std::floor(mean + std::sqrt(mean) * Normal() + 0.5);
  return x < 0.0 ? 0 : static_cast<int>(x);
}

}  // namespace cupola

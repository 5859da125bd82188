// cupola/core/random.h -- named, reproducible random streams.
//
// There is no global generator. A replication's seed is derived from
// (campaign seed, replication index); each component draws from its own
// stream derived from that seed and the component's name, so adding a draw in
// one component never shifts another's numbers, and results are identical on
// any thread or process. The generator is xoshiro256** (Blackman & Vigna);
// normals use our own polar method so results do not depend on the standard
// library's distribution implementations.
#pragma once

#include <cstdint>
#include <string_view>

namespace cupola {

/// SplitMix64 finaliser: a bijective 64-bit mix.
std::uint64_t Mix64(std::uint64_t x);
/// FNV-1a hash of a stream name.
std::uint64_t HashName(std::string_view name);
/// Seed for replication `index` of a campaign seeded with `campaign_seed`.
std::uint64_t ReplicationSeed(std::uint64_t campaign_seed, std::uint64_t index);
/// Seed of the named stream inside a replication.
std::uint64_t StreamSeed(std::uint64_t replication_seed, std::string_view stream_name);
/// Seed of the `key`-th sub-stream of a stream: one per identity (a radar's
/// scan number, a threat id, a battery's shot number), so what one identity
/// draws never depends on how many draws another made. Common random numbers:
/// two defences compared on one raid see the same draws where they agree.
std::uint64_t SubstreamSeed(std::uint64_t stream_seed, std::uint64_t key);

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t NextU64();
  /// Uniform on [0, 1) with 53 random bits.
  double Uniform();
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  /// Standard normal N(0, 1) by the Marsaglia polar method.
  double Normal();
  double Normal(double mean, double sigma) { return mean + sigma * Normal(); }
  /// Poisson count with the given mean: exact (Knuth's product of uniforms)
  /// below a mean of 30, normal approximation with continuity correction above.
  int Poisson(double mean);

 private:
  std::uint64_t s_[4];
  double spare_normal_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace cupola

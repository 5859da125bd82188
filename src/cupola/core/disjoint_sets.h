// cupola/core/disjoint_sets.h -- union-find, to split an assignment problem
// into the independent clusters of its linked pairs (tracker association,
// GOSPA scoring).
#pragma once

#include <numeric>
#include <vector>

namespace cupola {

struct DisjointSets {
  std::vector<int> parent;
  explicit DisjointSets(int n) : parent(static_cast<std::size_t>(n)) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  }
  void Join(int a, int b) { parent[Find(a)] = Find(b); }
};

}  // namespace cupola

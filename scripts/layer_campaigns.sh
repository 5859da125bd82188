#!/usr/bin/env bash
# What each layer of scenarios/layered_drone_night.yaml adds and what it
# costs: the full defence against the same raids (common random numbers) with
# one layer removed at a time (its mounts or launchers loaded with nothing),
# as paired campaigns. Prints each campaign's paired differences (B - A, B the
# defence without the layer); docs/effectors.md holds the numbers.
#   scripts/layer_campaigns.sh            # 20 replications per campaign
#   RUNS=200 scripts/layer_campaigns.sh
# Run from the repository root after `cmake --build --preset release`.
set -euo pipefail
CUPOLA=${CUPOLA:-build/release/apps/cupola/cupola}
RUNS=${RUNS:-20}
OUT=${OUT:-out/layers}
scenario=scenarios/layered_drone_night.yaml

# --versus-set arguments emptying the launchers of the given batteries.
empty() {
  local args=() battery
  for battery in "$@"; do
    case "$battery" in
      guns-north|guns-east|guns-south) args+=(--versus-set "batteries.$battery.launchers.0.interceptors=0"
                                              --versus-set "batteries.$battery.launchers.1.interceptors=0") ;;
      guns-city-*) args+=(--versus-set "batteries.$battery.launchers.0.interceptors=0") ;;
      missiles-kyiv) for i in 0 1 2; do args+=(--versus-set "batteries.$battery.launchers.$i.interceptors=0"); done ;;
    esac
  done
  printf '%s\n' "${args[@]}"
}

run() {
  local name=$1; shift
  mapfile -t versus < <(empty "$@")
  echo "== without $name"
  "$CUPOLA" mc "$scenario" -n "$RUNS" -q -o "$OUT/without-$name" "${versus[@]}"
  python3 - "$OUT/without-$name/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
def show(block, label, mean="mean"):
    for key in ("hits_defended", "value_lost", "intercepted", "interceptors_fired", "defence_cost_usd", "cost_exchange_ratio"):
        m = block.get(key)
        if isinstance(m, dict) and m.get(mean) is not None:
            lo, hi = m.get("ci95") or [float("nan")] * 2
            print(f"  {label:8} {key:22} {m[mean]:14.4g}  [{lo:.4g}, {hi:.4g}]")
show(s["metrics"], "full")
show(s["versus"]["metrics"], "without")
show(s["versus"]["difference"], "B - A", "mean_difference")
PY
}
run outer-guns guns-north guns-east guns-south
run inner-guns guns-city-north guns-city-south
run missiles missiles-kyiv

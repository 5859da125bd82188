#!/usr/bin/env bash
# Campaigns of the reconstructions of publicly reported attacks (docs/validation.md).
#
# Runs `cupola mc SCENARIO --runs N --json` for each reconstruction and prints
# the rows of docs/validation.md's tables: cupola's mean and 95 % CI per metric.
# Run from the repository root after `cmake --build --preset release`:
#
#   scripts/validation_campaigns.sh            # 200 replications each
#   RUNS=1000 scripts/validation_campaigns.sh
#   CUPOLA=path/to/cupola OUT=/tmp/v scripts/validation_campaigns.sh
#
# On a shared machine wrap it: flock /tmp/cupola-build.lock scripts/validation_campaigns.sh
set -euo pipefail

CUPOLA=${CUPOLA:-build/release/apps/cupola/cupola}
RUNS=${RUNS:-200}
OUT=${OUT:-out/validation}
SCENARIOS=${SCENARIOS:-"ashkelon_barrage eshkol_mortars kyiv_drone_night"}

if [[ ! -x "$CUPOLA" ]]; then
  echo "error: $CUPOLA not found: build first (cmake --preset release && cmake --build --preset release)" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "error: python3 is needed to format the table" >&2; exit 2; }

engine=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- src apps 2>/dev/null | head -1)
[[ -n "$dirty" ]] && engine="$engine+local changes"
echo "engine of $engine, $RUNS replications per scenario, $(date -u +%Y-%m-%d)"
echo

for name in $SCENARIOS; do
  file="scenarios/$name.yaml"
  dir="$OUT/$name"
  rm -rf "$dir"; mkdir -p "$OUT"
  "$CUPOLA" validate --strict "$file" >/dev/null
  "$CUPOLA" mc "$file" --runs "$RUNS" --out "$dir" --json -q > "$dir.json"
  python3 - "$name" "$dir.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
m = json.load(open(path))["metrics"]
rows = [("launched", "launched"), ("fell short (aimed beyond reach)", "fell_short"),
        ("engaged", "engaged"), ("intercepted", "intercepted"),
        ("hits in defended areas", "hits_defended"), ("interceptors fired", "interceptors_fired"),
        ("shortest warning (s)", "warning_min_s"), ("decisions right", "decisions_right"),
        ("magazine ran dry (share of runs)", "magazine_empty")]
print(f"### {name}")
print()
print("| metric | cupola mean | 95 % CI | n |")
print("|---|---|---|---|")
for label, key in rows:
    v = m.get(key)
    if not v or v.get("mean") is None:
        print(f"| {label} | - | - | 0 |")
        continue
    lo, hi = v["ci95"] if v.get("ci95") else (None, None)
    f = (lambda x: f"{x:.3f}") if key in ("decisions_right", "magazine_empty") else (lambda x: f"{x:.1f}")
    ci = f"[{f(lo)}, {f(hi)}]" if lo is not None else "-"
    print(f"| {label} | {f(v['mean'])} | {ci} | {v['n']} |")
print()
PY
done

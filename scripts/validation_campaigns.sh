#!/usr/bin/env bash
# Campaigns of the reconstructions of publicly reported attacks (docs/validation.md).
#
# Runs `cupola mc SCENARIO --runs N --json` for each reconstruction and prints
# the tables of docs/validation.md: the reported figures beside cupola's mean and
# 95 % CI per metric, between the "<!-- table: NAME -->" markers.
# Run from the repository root after `cmake --build --preset release`:
#
#   scripts/validation_campaigns.sh            # 200 replications each
#   RUNS=1000 scripts/validation_campaigns.sh
#   CUPOLA=path/to/cupola OUT=/tmp/v scripts/validation_campaigns.sh
#   scripts/validation_campaigns.sh --write    # also put the tables into docs/validation.md
#
# On a shared machine wrap it: flock /tmp/cupola-build.lock scripts/validation_campaigns.sh
set -euo pipefail

WRITE=0
[[ "${1:-}" == "--write" ]] && WRITE=1

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
tables=$(mktemp)
trap 'rm -f "$tables"' EXIT
exec 3>&1 1> >(tee "$tables" >&3)
echo "Numbers of the engine of $engine, $RUNS replications per scenario, $(date -u +%Y-%m-%d)."
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
# The reported side, from docs/scenario_sources.md (sections d, e, f): keep in step with docs/validation.md.
reported = {
    "ashkelon_barrage": {
        "launched": "137 in 5 min (Hamas claim, Ashkelon and Ashdod); 200+ in the night (IDF)",
        "fell_short": "about 1/3 of the night's fell in Gaza (IDF); 1/7 over the operation",
        "engaged": "not reported",
        "intercepted": "\"dozens\" in the night (IDF); about 90 % of engaged over the operation",
        "hits_defended": "2 apartment buildings hit at dawn; 6 wounded",
        "interceptors_fired": "not reported",
        "warning_min_s": "30 s to shelter in Ashkelon (Home Front Command)",
        "decisions_right": "not reported",
        "magazine_empty": "not reported",
    },
    "eshkol_mortars": {
        "launched": "28 (IDF); 27 in the first two barrages, 30+ in four (JPost)",
        "fell_short": "not reported",
        "engaged": "not reported",
        "intercepted": "\"most\" (IDF)",
        "hits_defended": "at least 2 communities hit (a kindergarten's yard, a school courtyard); 2-3 in open ground",
        "interceptors_fired": "not reported",
        "warning_min_s": "up to 15 s, sometimes less (Home Front Command); about 3 s at Nahal Oz, 2014",
        "decisions_right": "not reported",
        "magazine_empty": "not reported",
    },
    "kyiv_drone_night": {
        "launched": "about 75 nationwide; 66 downed over Kyiv and region",
        "fell_short": "not reported (drones)",
        "engaged": "not reported",
        "intercepted": "74 of 75 nationwide, 66 over Kyiv and region; nearly 40 % by mobile fire groups (not modelled)",
        "hits_defended": "no direct hit reported; debris on a kindergarten and homes, 5 hurt",
        "interceptors_fired": "not reported",
        "warning_min_s": "alert from about 04:00 for six hours",
        "decisions_right": "not reported",
        "magazine_empty": "not reported",
    },
}.get(name, {})
rows = [("launched", "launched"), ("fell short (cupola: launch or motor failure, or aimed beyond reach)", "fell_short"),
        ("engaged", "engaged"), ("intercepted", "intercepted"),
        ("hits in defended (built-up) areas", "hits_defended"), ("interceptors fired", "interceptors_fired"),
        ("shortest warning (s)", "warning_min_s"), ("engage/ignore decisions right", "decisions_right"),
        ("magazine ran dry (share of runs)", "magazine_empty")]
print(f"<!-- table: {name} -->")
print("| metric | reported | cupola mean | cupola 95 % CI |")
print("|---|---|---|---|")
for label, key in rows:
    rep = reported.get(key, "")
    v = m.get(key)
    if not v or v.get("mean") is None:
        print(f"| {label} | {rep} | - | - |")
        continue
    f = (lambda x: f"{x:.3f}") if key in ("decisions_right", "magazine_empty") else (lambda x: f"{x:.1f}")
    ci = f"[{f(v['ci95'][0])}, {f(v['ci95'][1])}]" if v.get("ci95") else "-"
    n = "" if v["n"] == m["launched"]["n"] else f" (n = {v['n']})"
    print(f"| {label} | {rep} | {f(v['mean'])}{n} | {ci} |")
print(f"<!-- end of table: {name} -->")
print()
PY
done

if [[ $WRITE == 1 ]]; then
  exec 1>&3
  sleep 0.2  # let tee finish
  python3 - docs/validation.md "$tables" <<'PY'
import re, sys
doc_path, tables_path = sys.argv[1], sys.argv[2]
doc, out = open(doc_path).read(), open(tables_path).read()
engine = out.splitlines()[0]
doc = re.sub(r"(<!-- engine -->\n).*?(\n<!-- end of engine -->)", lambda m: m.group(1) + engine + m.group(2), doc, flags=re.S)
for block in re.finditer(r"<!-- table: (\S+) -->\n.*?<!-- end of table: \1 -->", out, flags=re.S):
    name = block.group(1)
    doc = re.sub(r"<!-- table: %s -->\n.*?<!-- end of table: %s -->" % (name, name), lambda m: block.group(0), doc, flags=re.S)
open(doc_path, "w").write(doc)
print(f"wrote the tables into {doc_path}")
PY
fi

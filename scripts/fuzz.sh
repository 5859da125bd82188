#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (preset 'fuzz': clang, ASan + UBSan)
# and runs each for a bounded time on a copy of its committed seed corpus.
#   scripts/fuzz.sh [seconds_per_target [target...]]
#     seconds default 60 (what CI runs); targets default all: scenario_yaml
#     detections_csv wta_json wta_text
# Exits non-zero on any finding (crash, sanitizer report, hang, leak, broken
# property); the input that caused it is left in build/fuzz/findings/<target>/.
# Logs: build/fuzz/logs/<target>.log. More in docs/fuzzing.md.
# CUPOLA_FUZZ_KEEP_CORPUS=1 keeps the grown corpus of an earlier run instead
# of starting again from the committed seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [seconds_per_target [target...]]" >&2
  exit 2
fi
shift $(( $# > 0 ? 1 : 0 ))
only=("$@")

bash scripts/setup.sh --fuzz
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz

# target:max_len (bytes). The seeds' largest files are ~5 KB (scenarios) and
# ~7 KB (50-row detection files); WTA seeds are under 1 KB.
targets=(scenario_yaml:8192 detections_csv:8192 wta_json:4096 wta_text:4096)

build=build/fuzz
mkdir -p "$build/logs" "$build/findings" "$build/corpus-work"
failed=()
ran=0
for entry in "${targets[@]}"; do
  name=${entry%%:*}
  max_len=${entry##*:}
  if [ ${#only[@]} -ne 0 ] && [[ ! " ${only[*]} " =~ " $name " ]]; then continue; fi
  ran=$((ran + 1))
  work="$build/corpus-work/$name"
  findings="$build/findings/$name"
  log="$build/logs/$name.log"
  if [ "${CUPOLA_FUZZ_KEEP_CORPUS:-0}" != 1 ]; then rm -rf "$work"; fi
  mkdir -p "$work" "$findings"
  cp -n fuzz/corpus/"$name"/* "$work"/
  dict=()
  if [ -f "fuzz/$name.dict" ]; then dict=(-dict="fuzz/$name.dict"); fi
  before=$(ls "$findings" | wc -l)
  echo "fuzz: $name for ${seconds} s (log: $log)"
  rc=0
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/fuzz_$name" "$work" "${dict[@]}" -max_total_time="$seconds" -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 \
    > "$log" 2>&1 || rc=$?
  # One line per target: executions, their rate and the coverage reached.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 || true)
  echo "fuzz: $name: ${execs:-?} runs, ${rate:-?}/s, ${cov:-cov: ?}, ${corpus:-corp: ?}, exit $rc"
  if [ "$rc" -ne 0 ] || [ "$(ls "$findings" | wc -l)" -ne "$before" ]; then
    failed+=("$name")
    echo "fuzz: FINDING in $name: $(ls -t "$findings" | head -3 | tr '\n' ' ')" >&2
    grep -E -A25 'ERROR: |runtime error|fuzz property broken|terminate called|internal check failed' "$log" | head -60 >&2 || tail -40 "$log" >&2
  fi
done

if [ "$ran" -eq 0 ]; then
  echo "fuzz: no target named ${only[*]}; the targets: ${targets[*]%%:*}" >&2
  exit 2
fi
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: findings in ${failed[*]}; reproduce with $build/fuzz/fuzz_<target> <file> (docs/fuzzing.md)" >&2
  exit 1
fi
echo "fuzz: no findings (${seconds} s per target)"

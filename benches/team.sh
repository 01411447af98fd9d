#!/usr/bin/env bash
# Times `promo calibrate` against `promo restate` over the same folder of 200 logs of
# 1,000 moments each (issue 17: calibrate in at most twice restate's time), and prints
# one line per workload with PASS or FAIL; exits 1 on FAIL. See docs/performance.md.
#
#   bash benches/team.sh           # from the repository root
#
# Builds once (release), generates the logs with examples/generate.rs (seeds 1 to 200),
# times each command with hyperfine when present (median of RUNS runs after a warm-up),
# else a plain timing loop. Environment: RUNS (default 3), LOGS (default 200),
# MOMENTS (default 1000), KEEP_LOGS=1 keeps the temp dir.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
LOGS="${LOGS:-200}"
MOMENTS="${MOMENTS:-1000}"
TODAY=2026-11-21

say() { printf '%s\n' "$*" >&2; }

say "building (release)…"
cargo build --release --quiet --bins --examples
PROMO="$PWD/target/release/promo"
GENERATE="$PWD/target/release/examples/generate"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/promo-team.XXXXXX")"
if [ "${KEEP_LOGS:-0}" != 1 ]; then
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK/team"
say "generating $LOGS logs of $MOMENTS moments…"
for ((i = 1; i <= LOGS; i++)); do
    "$GENERATE" --moments "$MOMENTS" --seed "$i" >"$WORK/team/$(printf 'log-%03d' "$i").ron"
done

# median_seconds COMMAND: the median wall time of COMMAND, in seconds.
median_seconds() {
    local command="$1"
    if command -v hyperfine >/dev/null 2>&1; then
        local json="$WORK/timing.json"
        hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" --style none "$command" >/dev/null 2>&1
        grep -o '"median": *[0-9.eE+-]*' "$json" | head -1 | sed 's/.*: *//'
    else
        local times=() i start end
        bash -c "$command" >/dev/null 2>&1 # warm-up
        for ((i = 0; i < RUNS; i++)); do
            start=$(date +%s%N)
            bash -c "$command" >/dev/null 2>&1
            end=$(date +%s%N)
            times+=("$(((end - start) / 1000))")
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.6f\n", t[int((NR + 1) / 2)] / 1e6 }'
    fi
}

p() { printf '%q' "$1"; }
say "timing (median of $RUNS runs each)…"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
RESTATE="$(median_seconds "$(p "$PROMO") --today $TODAY --log $(p "$WORK/team") restate")"
CALIBRATE="$(median_seconds "$(p "$PROMO") --today $TODAY calibrate $(p "$WORK/team")")"
CALIBRATE_PDF="$(median_seconds "$(p "$PROMO") --today $TODAY calibrate --format pdf -o $(p "$WORK/brief.pdf") $(p "$WORK/team")")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
RATIO="$(awk -v a="$CALIBRATE" -v b="$RESTATE" 'BEGIN { printf "%.2f", a / b }')"
echo "promo $(git describe --always --dirty 2>/dev/null || echo '?') · $(nproc) CPUs · load before: $LOAD_BEFORE · after: $LOAD_AFTER"
printf '%-48s %12s\n' "restate, $LOGS logs × $MOMENTS moments" "$(ms "$RESTATE")"
printf '%-48s %12s\n' "calibrate (text), same folder" "$(ms "$CALIBRATE")"
printf '%-48s %12s\n' "calibrate --format pdf ($((LOGS + 1)) pages)" "$(ms "$CALIBRATE_PDF")"
if awk -v r="$RATIO" 'BEGIN { exit !(r <= 2) }'; then
    echo "PASS: calibrate / restate = ${RATIO}× (target ≤ 2×)"
else
    echo "FAIL: calibrate / restate = ${RATIO}× (target ≤ 2×)"
    exit 1
fi

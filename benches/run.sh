#!/usr/bin/env bash
# Times the whole `promo` process on synthetic logs of 1,000, 10,000 and 100,000
# moments and checks the figures against the targets of issue 8 (docs/performance.md).
#
#   bash benches/run.sh            # from the repository root, in a clean clone too
#
# Builds once (release), generates the logs with examples/generate.rs (seed 7), times
# each workload with hyperfine (median of 5 runs after a warm-up; a plain timing loop
# when hyperfine is missing and cannot be installed), measures peak memory with GNU
# time, prints one table with each target and PASS or FAIL, and exits 1 on any FAIL.
#
# Environment: RUNS (default 5) runs per workload; KEEP_LOGS=1 keeps the temp dir.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
TODAY=2026-11-21
SEED=7

say() { printf '%s\n' "$*" >&2; }

# The timing tools: Debian's packages, installed when missing and when we can.
install_if_missing() {
    local tool="$1" package="$2"
    if ! command -v "$tool" >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing $package (Debian package) for $tool"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } >/dev/null 2>&1 || true
    fi
}
install_if_missing hyperfine hyperfine
[ -x /usr/bin/time ] || install_if_missing /usr/bin/time time

say "building (release)…"
cargo build --release --quiet --bins --examples
PROMO="$PWD/target/release/promo"
GENERATE="$PWD/target/release/examples/generate"
FLOOR="$PWD/target/release/examples/ron_floor"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/promo-bench.XXXXXX")"
if [ "${KEEP_LOGS:-0}" != 1 ]; then
    trap 'rm -rf "$WORK"' EXIT
fi
for n in 1000 10000 100000; do
    "$GENERATE" --moments "$n" --seed "$SEED" >"$WORK/log-$n.ron"
done

# median_seconds NAME PREPARE COMMAND: the median wall time of COMMAND, in seconds.
# PREPARE runs before every timed run (and is not timed), or is empty.
median_seconds() {
    local name="$1" prepare="$2" command="$3"
    if command -v hyperfine >/dev/null 2>&1; then
        local json="$WORK/$name.json"
        local args=(--warmup 1 --runs "$RUNS" --export-json "$json" --style none)
        if [ -n "$prepare" ]; then
            args+=(--prepare "$prepare")
        fi
        hyperfine "${args[@]}" "$command" >/dev/null 2>&1
        # The first "median" in hyperfine's JSON is this command's, in seconds.
        grep -o '"median": *[0-9.eE+-]*' "$json" | head -1 | sed 's/.*: *//'
    else
        local times=() i start end
        [ -n "$prepare" ] && bash -c "$prepare"
        bash -c "$command" >/dev/null 2>&1 # warm-up
        for ((i = 0; i < RUNS; i++)); do
            [ -n "$prepare" ] && bash -c "$prepare"
            start=$(date +%s%N)
            bash -c "$command" >/dev/null 2>&1
            end=$(date +%s%N)
            times+=("$(((end - start) / 1000))")
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.6f\n", t[int((NR + 1) / 2)] / 1e6 }'
    fi
}

# peak_mb COMMAND: the peak resident memory of one run, in MB (empty without GNU time).
peak_mb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v bash -c "exec $1 >/dev/null 2>&1" 2>&1 |
            awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }'
    fi
}

p() { printf '%q' "$1"; }
run() { echo "$(p "$PROMO") --today $TODAY --log $(p "$WORK/log-$1.ron") ${*:2}"; }

say "timing (median of $RUNS runs each)…"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
declare -A T
for n in 1000 10000 100000; do
    T[packet-$n]="$(median_seconds "packet-$n" "" "$(run "$n" packet --format pdf)")"
    T[check-$n]="$(median_seconds "check-$n" "" "$(run "$n" check)")"
done
for command in restate map objections premortem; do
    T[$command-100000]="$(median_seconds "$command-100000" "" "$(run 100000 "$command")")"
done
T[floor-100000]="$(median_seconds floor-100000 "" "$(p "$FLOOR") $(p "$WORK/log-100000.ron")")"
cp "$WORK/log-10000.ron" "$WORK/add-base.ron"
ADD="$(p "$PROMO") --today $TODAY --log $(p "$WORK/add.ron") add --project p01 --reach org --impact 'Saved 3 engineer-weeks' decision 'Chose the shared pipeline over a rewrite'"
T[add-10000]="$(median_seconds add-10000 "cp $(p "$WORK/add-base.ron") $(p "$WORK/add.ron")" "$ADD")"
PEAK="$(peak_mb "$(run 100000 packet --format pdf)")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

failed=0
# row WORKLOAD MEASURED TARGET OK
row() {
    local verdict=PASS
    if [ "$4" != 1 ]; then
        verdict=FAIL
        failed=1
    fi
    printf '%-52s %12s %14s   %s\n' "$1" "$2" "$3" "$verdict"
}
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' && echo 1 || echo 0; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "promo $(git describe --always --dirty 2>/dev/null || echo '?') · $(nproc) CPUs · $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo '?')"
echo "load average before: $LOAD_BEFORE · after: $LOAD_AFTER · $(command -v hyperfine >/dev/null && hyperfine --version || echo 'timing loop') · median of $RUNS runs"
echo
printf '%-52s %12s %14s   %s\n' workload measured target result
row "packet --format pdf, 1,000 moments" "$(ms "${T[packet-1000]}")" "≤ 50 ms" "$(le "${T[packet-1000]}" 0.050)"
row "packet --format pdf, 100,000 moments" "$(ms "${T[packet-100000]}")" "≤ 600 ms" "$(le "${T[packet-100000]}" 0.600)"
if [ -n "$PEAK" ]; then
    row "  peak memory" "$PEAK MB" "≤ 300 MB" "$(le "$PEAK" 300)"
else
    row "  peak memory (GNU time missing)" "?" "≤ 300 MB" 0
fi
PACKET_OVER_CHECK="$(ratio "${T[packet-100000]}" "${T[check-100000]}")"
row "packet / check, 100,000 moments ($(ms "${T[check-100000]}") check)" "${PACKET_OVER_CHECK}×" "≤ 1.3×" "$(le "$PACKET_OVER_CHECK" 1.3)"
GROWTH="$(ratio "${T[packet-100000]}" "${T[packet-10000]}")"
row "packet growth, time(100k) / time(10k) ($(ms "${T[packet-10000]}") at 10k)" "${GROWTH}×" "≤ 11×" "$(le "$GROWTH" 11)"
row "add, 10,000 moments" "$(ms "${T[add-10000]}")" "≤ 150 ms" "$(le "${T[add-10000]}" 0.150)"
for command in restate map objections premortem; do
    row "$command, 100,000 moments" "$(ms "${T[$command-100000]}")" "≤ packet" "$(le "${T[$command-100000]}" "${T[packet-100000]}")"
done
echo
echo "the floor, serde + ron alone (examples/ron_floor.rs), 100,000 moments: $(ms "${T[floor-100000]}");" \
    "packet adds $(awk -v a="${T[packet-100000]}" -v b="${T[floor-100000]}" 'BEGIN { printf "%.0f ms", (a - b) * 1000 }') to it (issue 8: at most 330 ms)"
echo "check at 1k / 10k / 100k: $(ms "${T[check-1000]}") / $(ms "${T[check-10000]}") / $(ms "${T[check-100000]}")"
if [ "$failed" != 0 ]; then
    echo "FAIL: some figures miss their targets (see docs/performance.md for what the machine was doing)"
    exit 1
fi
echo "PASS: every figure meets its target"

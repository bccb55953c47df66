#!/usr/bin/env bash
# Nightly plan benchmark: 10 queues x 2 years of 15-minute history, 14-day horizon, 200-agent rosters,
# a deterministic roster budget (work_limit). Times the plan in one process (wall and CPU, /usr/bin/time),
# then runs it as 1, 2 and 4 shards (n processes started together with JOB_COMPLETION_INDEX set, then
# `plan --merge`) and diffs each merged folder against the one-process run; sizes the report.
# Usage: benchmarks/plan_bench.sh [WORK_LIMIT]   (default 50 CBC nodes / search moves per roster; from the
# repository root, after a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
H=.build/release/headcount
W=benchmarks/work/plan
DATE=2024-12-29
python3 benchmarks/make_plan_instance.py "$W" "${1:-50}"
rm -rf "$W"/out-*
now() { date +%s.%N; }
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2} END {printf "cpu=%.1f s (user %.1f + sys %.1f), peak RSS of one process %d MB", u+s, u, s, m/1024}' "$1"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(now)
/usr/bin/time -v -o "$W/time-1.txt" $H plan --config "$W/plan.toml" --output-dir "$W/out-ref" --date $DATE --quiet \
  || echo "plan exit $?"
e=$(now)
python3 -c "print(f'headcount plan 10 queues, 1 process: wall={$e - $s:.1f} s', end=' ')"; cpu "$W/time-1.txt"; echo
for n in 1 2 4; do
  s=$(now)
  for ((i = 0; i < n; i++)); do
    JOB_COMPLETION_INDEX=$i $H plan --config "$W/plan.toml" --output-dir "$W/out-$n" --date $DATE --shards $n --quiet &
  done
  wait
  $H plan --merge "$W/out-$n/$DATE" --quiet || echo "merge exit $?"
  e=$(now)
  python3 -c "print(f'headcount plan 10 queues, $n shard(s) + merge: wall={$e - $s:.1f} s')"
  if diff -r -x timings.json -x shards -x '.headcount.lock*' "$W/out-ref/$DATE" "$W/out-$n/$DATE" >/dev/null; then
    echo "merged result of $n shard(s): byte-identical to the one-process run"
  else
    echo "merged result of $n shard(s): DIFFERS from the one-process run"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h '"seconds"' "$W/out-ref/$DATE/timings.json" | tr -d ' ' | paste -sd' ' -
grep -o '"solver_gap": [0-9.]*' "$W/out-ref/$DATE/summary.json" | paste -sd' ' -
grep -o '"service_level_\(promised\|expected\)": [0-9.]*' "$W/out-ref/$DATE/summary.json" | paste -sd' ' -
$H report --plan "$W/out-ref/latest" --output "$W/report.html"
echo "report.html for 10 queues x 14 days: $(wc -c < "$W/report.html") bytes"

#!/usr/bin/env bash
# Nightly plan benchmark: 10 queues x 2 years of 15-minute history, 14-day horizon, 200-agent rosters.
# Runs the plan in one process, then as 2 and 4 shards (processes started together, then the merge),
# checks the merged folders are byte-identical to the one-process run, and sizes the report.
# Usage: benchmarks/plan_bench.sh [TIME_LIMIT_SECONDS]   (from the repository root, after a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
H=.build/release/headcount
W=benchmarks/work/plan
DATE=2024-12-29
python3 benchmarks/make_plan_instance.py "$W" "${1:-20}"
rm -rf "$W"/out-*
now() { date +%s.%N; }
s=$(now); $H plan --config "$W/plan.toml" --output-dir "$W/out-1" --date $DATE --quiet || echo "plan exit $?"; e=$(now)
python3 -c "print(f'headcount plan 10 queues, 1 process: seconds={$e - $s:.1f}')"
for n in 2 4; do
  s=$(now)
  for ((i = 0; i < n; i++)); do
    JOB_COMPLETION_INDEX=$i $H plan --config "$W/plan.toml" --output-dir "$W/out-$n" --date $DATE --shards $n --quiet &
  done
  wait
  $H plan --merge "$W/out-$n/$DATE" --quiet || echo "merge exit $?"
  e=$(now)
  python3 -c "print(f'headcount plan 10 queues, $n shards + merge: seconds={$e - $s:.1f}')"
  if diff -r -x timings.json -x shards -x .headcount.lock "$W/out-1/$DATE" "$W/out-$n/$DATE" >/dev/null; then
    echo "merged result of $n shards: byte-identical to 1 process"
  else
    echo "merged result of $n shards: DIFFERS from 1 process"
  fi
done
grep -h '"seconds"' "$W/out-1/$DATE/timings.json" | tr -d ' ' | paste -sd' ' -
grep -o '"solver_gap": [0-9.]*' "$W/out-1/$DATE/summary.json" | paste -sd' ' -
$H report --plan "$W/out-1/latest" --output "$W/report.html"
echo "report.html for 10 queues x 14 days: $(wc -c < "$W/report.html") bytes"

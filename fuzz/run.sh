#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 120) with a seed corpus from data/ and the
# bad-input corpus, one target at a time, and prints one line per target: runs, crashes.
# Usage: bash fuzz/run.sh history calllog agents requirements specialdays gaps shifts
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-120}
BAD=Tests/HeadcountCLITests/BadInputs
swift build --package-path fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null || exit 1

seeds() {  # target -> seed files
  case "$1" in
    history) echo "$BAD/history_"* "$BAD/forecast_"*; head -40 data/bank_calls_5min.csv > fuzz/work/seed_bank.csv; echo fuzz/work/seed_bank.csv ;;
    calllog) echo "$BAD/calls_"*; head -40 data/sample_call_log.csv > fuzz/work/seed_log.csv; echo fuzz/work/seed_log.csv ;;
    agents) echo data/agents.csv "$BAD/agents_"* ;;
    requirements) echo "$BAD/requirements_"* "$BAD/staffing_"* "$BAD/good_requirements.csv"
      head -40 data/week_bank_calls_requirements.csv > fuzz/work/seed_req.csv; echo fuzz/work/seed_req.csv ;;
    specialdays) echo data/special_days.csv "$BAD/special_"* ;;
    gaps) echo "$BAD/gap_"* "$BAD/roster_"* "$BAD/good_gap.csv" "$BAD/good_roster.csv" ;;
    shifts) echo data/shifts.toml "$BAD/shifts_"* ;;
    incidents) printf 'start,end,label,affected_customers\n2025-04-08T10:30:00+02:00,2025-04-08T13:30:00+02:00,outage,470000\n2025-04-09T08:00:00,,login,\n' > fuzz/work/seed_incidents.csv
      echo fuzz/work/seed_incidents.csv ;;
  esac
}

status=0
for t in "$@"; do
  bin=fuzz/.build/debug/fuzz-$t
  if [[ ! -x $bin ]]; then echo "fuzz-$t: not built (no such target in fuzz/Package.swift)"; continue; fi
  mkdir -p fuzz/work/$t fuzz/work/$t-seeds fuzz/work/$t-crashes
  for f in $(seeds "$t"); do [[ -s $f ]] && cp "$f" fuzz/work/$t-seeds/; done
  log=fuzz/work/$t.log
  "$bin" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix=fuzz/work/$t-crashes/ fuzz/work/$t fuzz/work/$t-seeds >"$log" 2>&1
  rc=$?
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' || echo "?")
  crashes=$(find fuzz/work/$t-crashes -type f | wc -l)
  echo "fuzz-$t: seconds=$SECONDS_PER_TARGET runs=$runs crashes=$crashes exit=$rc"
  [[ $crashes -eq 0 && $rc -eq 0 ]] || status=1
done
exit $status

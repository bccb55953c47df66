#!/usr/bin/env bash
# Intraday recovery (headcount callout) against an independent MIP (benchmarks/peers/callout_highs.py,
# HiGHS, lexicographic: fewest uncovered agent-intervals, then least cost) on the same inputs, in the same
# run, every action checked by benchmarks/peers/check_callout.py.
#   1. the demo surge: the Berlin sample roster (as make demo), +8 agents Wednesday 10:00-14:00;
#   2. a 400-agent day: make_roster_instance.py x2 (300 core + 100 on-demand), rostered by schedule
#      --work-limit, +20 agents Wednesday 10:00-14:00. Goal: callout < 2 s.
# Needs a release build (make release) and python3 with scipy.
set -euo pipefail
cd "$(dirname "$0")/.."
H=.build/release/headcount
W=benchmarks/work/callout
mkdir -p $W

# run NAME ROSTER GAP AGENTS: headcount (timed), checker, peer, comparison.
run() {
  local name=$1 roster=$2 gap=$3 agents=$4
  /usr/bin/time -f "  headcount callout wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" $H callout --roster $roster --gap $gap \
    --agents $agents --shifts data/shifts.toml --timezone Europe/Berlin --output $W/${name}_actions.csv \
    --remaining-gap $W/${name}_rg.csv 2> $W/${name}_stderr.txt || { cat $W/${name}_stderr.txt; exit 1; }
  sed 's/^/  /' $W/${name}_stderr.txt
  python3 benchmarks/peers/check_callout.py --agents $agents --roster $roster --gap $gap --shifts data/shifts.toml \
    --actions $W/${name}_actions.csv --remaining-gap $W/${name}_rg.csv | sed 's/^/  check: /'
  local ours_u ours_c peer
  ours_u=$(awk -F, 'NR>1{s+=$5} END{print s+0}' $W/${name}_rg.csv)
  ours_c=$(awk -F, 'NR>1{s+=$7} END{printf "%.2f", s}' $W/${name}_actions.csv)
  peer=$( { /usr/bin/time -f "wall_s=%e" python3 benchmarks/peers/callout_highs.py --agents $agents --roster $roster \
    --gap $gap --shifts data/shifts.toml; } 2>&1 | tr '\n' ' ')
  echo "  peer (HiGHS): $peer"
  echo "  headcount: uncovered=$ours_u cost=$ours_c"
  local peer_u peer_c
  peer_u=$(sed -n 's/.*uncovered=\([0-9]*\).*/\1/p' <<< "$peer")
  peer_c=$(sed -n 's/.*cost=\([0-9.]*\).*/\1/p' <<< "$peer")
  if [[ $ours_u == "$peer_u" ]] && python3 -c "import sys; sys.exit(abs($ours_c - $peer_c) > 0.011)"; then
    echo "  SAME OPTIMUM as the peer"
  else
    echo "  DIFFERENT from the peer"; exit 1
  fi
}

echo "== 1. demo surge (sample roster as make demo: 11 h rest, 2 h start spread, --work-limit 300; +8 agents Wed 10:00-14:00)"
if [[ ! -f $W/sample_roster.csv ]]; then
  $H aggregate --calls data/sample_call_log.csv --interval 30m --timezone Europe/Berlin --output $W/sample_intervals.csv
  $H forecast --history $W/sample_intervals.csv --timezone Europe/Berlin --horizon 7d --output $W/sample_forecast.csv 2>/dev/null
  $H staff --forecast $W/sample_forecast.csv --model erlang-a --patience 120 --shrinkage 0.3 --bot-containment 0.2 \
    --timezone Europe/Berlin --output $W/sample_staffing.csv
  $H schedule --requirements $W/sample_staffing.csv --shifts data/shifts.toml --agents data/agents.csv \
    --timezone Europe/Berlin --min-rest 11h --start-spread 2h --work-limit 300 --output $W/sample_roster.csv \
    --coverage $W/sample_coverage.csv --quiet
fi
awk -F, 'NR==1{print "interval_start,gap"; next} {g=$6; if ($1 ~ /2025-04-16T1[0-3]:/) g+=8; print $1","g}' \
  $W/sample_coverage.csv > $W/sample_surge_gap.csv
run sample $W/sample_roster.csv $W/sample_surge_gap.csv data/agents.csv

echo "== 2. a 400-agent day (300 core + 100 on-demand; +80 agents Wed 2003-10-29 10:00-14:00)"
if [[ ! -f $W/x2_roster.csv ]]; then
  python3 benchmarks/make_roster_instance.py $W 2 >/dev/null
  $H schedule --requirements $W/roster_x2_requirements.csv --shifts data/shifts.toml --agents $W/roster_x2_agents.csv \
    --timezone Europe/Berlin --work-limit 2000 --allow-understaffing 20 --output $W/x2_roster.csv \
    --coverage $W/x2_coverage.csv --quiet
fi
awk -F, 'NR==1{print "interval_start,gap"; next} {g=$6; if ($1 ~ /2003-10-29T1[0-3]:/) g+=80; print $1","g}' \
  $W/x2_coverage.csv > $W/x2_surge_gap.csv
echo "  $(($(wc -l < $W/roster_x2_agents.csv) - 1)) agents, $(($(wc -l < $W/x2_roster.csv) - 1)) rostered shifts"
run x2 $W/x2_roster.csv $W/x2_surge_gap.csv $W/roster_x2_agents.csv

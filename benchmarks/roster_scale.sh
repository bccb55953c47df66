#!/usr/bin/env bash
# Roster at scale (issue 12): Headcount vs OR-tools CP-SAT (1 and 2 workers) and HiGHS on the same
# instances, same limits, same run; every roster checked by peers/check_roster.py; then the roster rules
# of issue 13 (rest, start spread) against no rules on the x1 instance.
# Usage: benchmarks/roster_scale.sh [HEADCOUNT]  (from the repository root; needs highspy, ortools)
set -uo pipefail
cd "$(dirname "$0")/.."
H=${1:-.build/release/headcount}
W=benchmarks/work
mkdir -p $W
python3 -c "import highspy, ortools" 2>/dev/null || pip install -q highspy ortools
for spec in "0.25 10" "1 10" "2 30" "5 120"; do
  set -- $spec; scale=$1; limit=$2
  tag=$([[ $scale == 1 ]] && echo roster || echo roster_x$scale)
  [[ -f $W/${tag}_agents.csv ]] || python3 benchmarks/make_roster_instance.py $W $scale >/dev/null
  req=$W/${tag}_requirements.csv; ag=$W/${tag}_agents.csv
  echo "== roster x$scale ($(($(wc -l < $ag) - 1)) agents), limit ${limit}s"
  /usr/bin/time -f "  headcount wall_s=%e peak_rss_kb=%M" $H schedule --requirements $req --shifts data/shifts.toml \
    --agents $ag --output $W/hc_$tag.csv --coverage $W/hc_${tag}_cov.csv --time-limit ${limit}s --allow-understaffing 20 --quiet
  python3 benchmarks/peers/check_roster.py $W/hc_$tag.csv $ag $req $W/hc_${tag}_cov.csv
  for workers in 1 2; do
    /usr/bin/time -f "  cp-sat($workers) wall_s=%e peak_rss_kb=%M" python3 benchmarks/peers/roster_ortools.py $req $ag $limit $workers \
      $W/ortools${workers}_$tag.csv $W/ortools${workers}_${tag}_cov.csv
    [[ -f $W/ortools${workers}_$tag.csv ]] && python3 benchmarks/peers/check_roster.py $W/ortools${workers}_$tag.csv $ag $req $W/ortools${workers}_${tag}_cov.csv
    rm -f $W/ortools${workers}_$tag.csv
  done
  /usr/bin/time -f "  highs wall_s=%e peak_rss_kb=%M" python3 benchmarks/peers/roster_highs.py $req $ag $limit $W/highs_$tag.csv $W/highs_${tag}_cov.csv
  [[ -f $W/highs_$tag.csv ]] && python3 benchmarks/peers/check_roster.py $W/highs_$tag.csv $ag $req $W/highs_${tag}_cov.csv
  rm -f $W/highs_$tag.csv
done
echo "== deterministic mode: --work-limit 200 twice on x2, byte-compared"
for i in 1 2; do $H schedule --requirements $W/roster_x2_requirements.csv --shifts data/shifts.toml --agents $W/roster_x2_agents.csv \
  --output $W/det$i.csv --work-limit 200 --allow-understaffing 20 --quiet; done
cmp $W/det1.csv $W/det2.csv && echo "  identical"
echo "== rules (issue 13): x1, --work-limit 200, without rules vs 11h rest + soft / hard 2h start spread"
for rules in "--min-rest 0h" "--min-rest 11h --start-spread 2h" "--min-rest 11h --start-spread 2h,hard"; do
  echo "  $rules"
  /usr/bin/time -f "  headcount user_s=%U wall_s=%e" $H schedule --requirements $W/roster_requirements.csv --shifts data/shifts.toml \
    --agents $W/roster_agents.csv --output $W/rules.csv --coverage $W/rules_cov.csv --work-limit 200 --allow-understaffing 20 \
    --quiet $rules
  rest=$([[ $rules == *"0h"* ]] && echo 0 || echo 11); hard=$([[ $rules == *hard* ]] && echo --spread-hard)
  python3 benchmarks/peers/check_roster.py $W/rules.csv $W/roster_agents.csv $W/roster_requirements.csv $W/rules_cov.csv \
    --min-rest $rest --spread 2 $hard
done
echo "== rules on a long-day variant where rest binds: 05:00-24:00 (6 agents needed 05:00-07:00 and 21:30-24:00), no availability windows"
python3 - $W <<'PY'
import csv, sys
w = sys.argv[1]
rows = [(r["interval_start"], int(r["required"])) for r in csv.DictReader(open(f"{w}/roster_requirements.csv"))]
have = {t for t, _ in rows}
extra = [(f"{d}T{hm}:00", 6) for d in sorted({t[:10] for t, _ in rows})
         for hm in ["05:00", "05:30", "06:00", "06:30", "21:30", "22:00", "22:30", "23:00", "23:30"] if f"{d}T{hm}:00" not in have]
with open(f"{w}/long_requirements.csv", "w") as f:
    f.write("interval_start,required\n" + "".join(f"{t},{v}\n" for t, v in sorted(rows + extra)))
agents = list(csv.DictReader(open(f"{w}/roster_agents.csv")))
with open(f"{w}/free_agents.csv", "w", newline="") as f:
    out = csv.DictWriter(f, fieldnames=list(agents[0].keys())); out.writeheader()
    for a in agents: out.writerow({**a, "available": ""})
PY
for rules in "--min-rest 0h" "--min-rest 11h" "--min-rest 11h --start-spread 2h"; do
  echo "  $rules"
  /usr/bin/time -f "  headcount user_s=%U wall_s=%e" $H schedule --requirements $W/long_requirements.csv --shifts data/shifts.toml \
    --agents $W/free_agents.csv --output $W/rules.csv --coverage $W/rules_cov.csv --work-limit 200 --allow-understaffing 20 \
    --quiet $rules
  rest=$([[ $rules == *"0h"* ]] && echo 0 || echo 11)
  python3 benchmarks/peers/check_roster.py $W/rules.csv $W/free_agents.csv $W/long_requirements.csv $W/rules_cov.csv \
    --min-rest $rest --spread 2
done
P=$W/plan/out-ref/2024-12-29/q00
if [[ -f $P/staffing.csv ]]; then
  echo "== the plan's 14-day, 15-minute roster (q00 of benchmarks/plan_bench.sh's run): --work-limit 50 and 200, CPU seconds"
  for n in 50 200; do
    /usr/bin/time -f "  work $n: headcount user_s=%U sys_s=%S wall_s=%e peak_rss_kb=%M" $H schedule --requirements $P/staffing.csv \
      --shifts data/shifts.toml --agents $W/plan/q00_agents.csv --output $W/plan_roster.csv --work-limit $n \
      --allow-understaffing 20 --quiet
  done
else
  echo "== the plan's 14-day roster: skipped (run benchmarks/plan_bench.sh first)"
fi

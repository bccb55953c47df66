#!/usr/bin/env bash
# Runs every benchmark and its peers in one go (figures go into BENCHMARKS.md by hand).
# Needs: a release build of headcount (make bench does it), python3 with pandas, pyworkforce.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p benchmarks/work
H=.build/release/headcount
python3 -c "import pandas, pyworkforce" 2>/dev/null || pip install -q pandas pyworkforce statsmodels

echo "== ingest: generate per-call logs (1 M and 2 M rows)"
[[ -f benchmarks/work/calls_2m.csv ]] || python3 notebooks-as-scripts/generate_call_log.py --start 2023-01-02 --days 730 \
  --calls-per-day 2100 --outage-day 2024-02-06 --out benchmarks/work/calls_2m.csv
[[ -f benchmarks/work/calls_1m.csv ]] || head -n 1000001 benchmarks/work/calls_2m.csv > benchmarks/work/calls_1m.csv
rows=$(($(wc -l < benchmarks/work/calls_2m.csv) - 1))

echo "== ingest: headcount aggregate (release, best of 3) vs pandas (best of 3)"
best=999
for i in 1 2 3; do
  s=$(date +%s.%N); $H aggregate --calls benchmarks/work/calls_2m.csv --interval 30m --timezone Europe/Berlin \
    --output benchmarks/work/agg.csv; e=$(date +%s.%N)
  best=$(python3 -c "print(min($best, $e - $s))")
done
python3 -c "print(f'headcount aggregate rows=$rows seconds={$best:.3f} rows_per_s={$rows / $best:.0f}')"
for i in 1 2 3; do python3 benchmarks/peers/ingest_pandas.py benchmarks/work/calls_2m.csv; done

echo "== CSV libraries on 1 M rows"
swift build -c release --package-path benchmarks --product csv-libraries >/dev/null
benchmarks/.build/release/csv-libraries benchmarks/work/calls_1m.csv

echo "== staffing: required agents for 100,000 intervals vs pyworkforce"
swift build -c release --package-path benchmarks --product staffing-bench >/dev/null
benchmarks/.build/release/staffing-bench 100000 benchmarks/work/erlang_inputs.csv
python3 benchmarks/peers/erlang_pyworkforce.py benchmarks/work/erlang_inputs.csv 2000

echo "== TOML: read a 1,000-shift file (CallData's TOML reader; ShiftFile with checks) vs Python tomllib, best of 20"
python3 benchmarks/make_shifts_1000.py benchmarks/work/shifts_1000.toml
swift build -c release --package-path benchmarks --product toml-bench >/dev/null
benchmarks/.build/release/toml-bench benchmarks/work/shifts_1000.toml 20
python3 benchmarks/peers/toml_tomllib.py benchmarks/work/shifts_1000.toml 20

echo "== forecasting: rolling-origin backtest on the bank data (8 folds x 7 days)"
/usr/bin/time -f "headcount backtest (all models, 8 folds) seconds=%e" $H backtest --history data/bank_calls_5min.csv --folds 8 --horizon 7d
python3 ../shared/tools/forecast_eval.py $H data/bank_calls_5min.csv 8 2>/dev/null || echo "(shared/tools/forecast_eval.py not found beside the repository)"

echo "== forecasting: fit + 14-day forecast of 2 years of 15-minute history (70,080 rows)"
[[ -f benchmarks/work/hist_15m_247.csv ]] || python3 benchmarks/make_history_247.py benchmarks/work/hist_15m_247.csv
for m in auto level-profile svd-profile; do
  /usr/bin/time -f "headcount forecast --model $m rows=70080 seconds=%e max_rss_kb=%M" $H forecast --history benchmarks/work/hist_15m_247.csv \
    --horizon 14d --model $m --output benchmarks/work/f_247.csv
done

echo "== prediction intervals (issue 11): 90 % coverage and accuracy on the bank and three synthetic unseen centres"
[[ -f benchmarks/work/unseen/c247.csv ]] || python3 benchmarks/make_unseen_centres.py benchmarks/work/unseen
python3 -c "import statsmodels" 2>/dev/null || pip install -q statsmodels
for f in data/bank_calls_5min.csv benchmarks/work/unseen/{c247,fri_sat,sat_half}.csv; do
  echo "-- $f"
  python3 ../shared/tools/coverage_eval.py $H $f 30m 2>/dev/null || true
  python3 ../shared/tools/forecast_eval.py $H $f 8 2>/dev/null || true
  python3 benchmarks/peers/intervals_statsmodels.py $f 8
done

echo "== forecasting peers: statsmodels on the same folds (takes ~5 minutes)"
python3 -c "import statsmodels" 2>/dev/null || pip install -q statsmodels
python3 benchmarks/peers/forecast_statsmodels.py data/bank_calls_5min.csv 8

echo "== scheduling: shift plan for the bank week (4/6/8 h shifts every 30 min, no breaks) vs HiGHS"
printf '[[shift]]\nname = "4h"\nlength = "4h"\nstart_step = "30m"\n\n[[shift]]\nname = "6h"\nlength = "6h"\nstart_step = "30m"\n\n[[shift]]\nname = "8h"\nlength = "8h"\nstart_step = "30m"\n' > benchmarks/work/shifts_468.toml
for i in 1 2 3; do
  /usr/bin/time -f "headcount schedule (end to end) seconds=%e" $H schedule --requirements data/week_bank_calls_requirements.csv \
    --shifts benchmarks/work/shifts_468.toml --output benchmarks/work/plan.csv
done
python3 ../shared/tools/schedule_eval.py $H data/week_bank_calls_requirements.csv 20184 2>/dev/null || true
python3 benchmarks/peers/schedule_highs.py data/week_bank_calls_requirements.csv

echo "== scheduling: roster for a week, 150 core + 50 on-demand agents, contracts and breaks (57 s limit)"
python3 benchmarks/make_roster_instance.py benchmarks/work
/usr/bin/time -f "headcount schedule --agents seconds=%e" $H schedule --requirements benchmarks/work/roster_requirements.csv \
  --shifts data/shifts.toml --agents benchmarks/work/roster_agents.csv --output benchmarks/work/roster.csv \
  --coverage benchmarks/work/roster_cov.csv --time-limit 57s --allow-understaffing 20
python3 benchmarks/peers/check_roster.py benchmarks/work/roster.csv benchmarks/work/roster_agents.csv \
  benchmarks/work/roster_requirements.csv benchmarks/work/roster_cov.csv
python3 -c "import ortools" 2>/dev/null || pip install -q ortools
python3 benchmarks/peers/roster_ortools.py benchmarks/work/roster_requirements.csv benchmarks/work/roster_agents.csv 57 1

echo "== simulation: M/M/50+M throughput on one core vs SimPy and Ciw; a 2,000-agent week, 30 replications"
python3 -c "import simpy, ciw" 2>/dev/null || pip install -q simpy ciw
swift build -c release --package-path benchmarks --product simulation-bench >/dev/null
benchmarks/.build/release/simulation-bench 4000000
python3 benchmarks/peers/sim_simpy.py 200000
python3 benchmarks/peers/sim_ciw.py 100000

echo "== nightly plan: 10 queues x 2 years of 15-minute history, 14-day horizon, 200-agent rosters; 1, 2, 4 shards"
bash benchmarks/plan_bench.sh 20

echo "== surges: reforecast on planted surges vs ratio method and Shen & Huang; detection vs ruptures PELT; 500 queues"
python3 -c "import ruptures" 2>/dev/null || pip install -q ruptures
python3 benchmarks/surges/surge_bench.py $H data/bank_calls_5min.csv
python3 ../shared/tools/surge_eval.py $H data/bank_calls_5min.csv 2>/dev/null || true

echo "== scheduling: roster at scale (50 / 200 / 400 / 1,000 agents) vs CP-SAT (1 and 2 workers) and HiGHS"
benchmarks/roster_scale.sh $H

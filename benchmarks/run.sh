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

echo "== forecasting: rolling-origin backtest on the bank data (8 folds x 7 days)"
/usr/bin/time -f "headcount backtest (all models, 8 folds) seconds=%e" $H backtest --history data/bank_calls_5min.csv --folds 8 --horizon 7d
python3 ../shared/tools/forecast_eval.py $H data/bank_calls_5min.csv 8 2>/dev/null || echo "(shared/tools/forecast_eval.py not found beside the repository)"

echo "== forecasting: fit + 14-day forecast of 2 years of 15-minute history (70,080 rows)"
[[ -f benchmarks/work/hist_15m_247.csv ]] || python3 benchmarks/make_history_247.py benchmarks/work/hist_15m_247.csv
for m in auto level-profile svd-profile; do
  /usr/bin/time -f "headcount forecast --model $m rows=70080 seconds=%e max_rss_kb=%M" $H forecast --history benchmarks/work/hist_15m_247.csv \
    --horizon 14d --model $m --output benchmarks/work/f_247.csv
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

echo "== scheduling: roster at scale (50 / 200 / 400 / 1,000 agents) vs CP-SAT (1 and 2 workers) and HiGHS"
benchmarks/roster_scale.sh $H

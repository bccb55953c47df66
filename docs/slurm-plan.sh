#!/usr/bin/env bash
# Nightly Headcount plan on Slurm: a job array with one task per shard, then a merge job that runs
# only when every task has succeeded (afterok). Run it from cron on the login node:
#
#   30 1 * * * /srv/headcount/docs/slurm-plan.sh >> /srv/plans/logs/submit.log 2>&1
#
# Each array task reads its shard from SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) and the count
# from SLURM_ARRAY_TASK_COUNT, so nothing is passed by hand. The run date is fixed at submission so
# every shard plans the same date even if some start after midnight.
# Exit statuses of a task: 0 ok, 1 a queue or input failed, 3 infeasible roster, 4 lock held.
set -euo pipefail
SHARDS=${SHARDS:-16}
CONFIG=${CONFIG:-/srv/headcount/plan.toml}
OUT=${OUT:-/srv/plans}
DATE=$(TZ=Europe/Berlin date +%F)
mkdir -p "$OUT/logs"

array=$(sbatch --parsable --job-name=headcount-plan --array=0-$((SHARDS - 1)) --cpus-per-task=2 --mem=2G \
  --time=00:30:00 --output="$OUT/logs/plan-$DATE-%a.log" \
  --wrap="headcount plan --config $CONFIG --output-dir $OUT --date $DATE --quiet")
sbatch --parsable --job-name=headcount-merge --dependency=afterok:"$array" --time=00:05:00 \
  --output="$OUT/logs/merge-$DATE.log" --wrap="headcount plan --merge $OUT/$DATE --shards $SHARDS --quiet"

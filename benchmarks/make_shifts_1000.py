"""Writes a 1,000-shift file shaped like data/shifts.toml (comments, [[shift]] with every key,
[[shift.break]] tables with windows) for the TOML reader benchmark."""
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/work/shifts_1000.toml"
lines = ["# 1,000 shift templates for the TOML benchmark (benchmarks/make_shifts_1000.py)."]
for k in range(1000):
    hours = 4 + k % 5
    lines += [
        "",
        f"# template {k}: {hours} hours",
        "[[shift]]",
        f'name = "shift-{k:04d}"',
        f'length = "{hours}h"',
        f'start_step = "{(15, 30, 60)[k % 3]}m"',
        f'earliest_start = "{6 + k % 4:02d}:00"',
        'latest_end = "23:30"',
        f"cost_per_hour = {1 + (k % 7) / 10:.1f}",
    ]
    if hours >= 6:
        lines += ["[[shift.break]]", 'length = "30m"', f"paid = {'true' if k % 2 else 'false'}",
                  f'window = ["2h", "{hours - 2}h"]']
    if hours == 8:
        lines += ["[[shift.break]]", 'length = "15m"', "paid = true", 'window = ["6h", "7h"]']
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")

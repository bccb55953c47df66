# Headcount — two commands on a fresh Debian machine:
#   make demo   set everything up and run the main job on the bundled sample data
#   make test   set everything up and run the tests
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO := demo-output
SYSTEM_PACKAGES := liblapack-dev coinor-libcbc-dev pkg-config

.PHONY: demo test bench deps build release clean format lint fuzz notebooks report-screenshot

## Install the system libraries the package links against (only when missing).
deps:
	@if ! pkg-config --exists lapack cbc 2>/dev/null; then \
	  echo "installing $(SYSTEM_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps lint
	$(SWIFT) test

## Style: the repo's .swift-format; `make format` rewrites, `make lint` (part of `make test`) checks.
FORMAT_PATHS := Sources Tests benchmarks/Sources fuzz/Sources
lint:
	$(SWIFT) format lint --strict -r -p $(FORMAT_PATHS)

format:
	$(SWIFT) format -i -r -p $(FORMAT_PATHS)

demo: release
	@mkdir -p $(DEMO)
	@echo "== 1. aggregate: per-call log (Europe/Berlin, two queues, an outage surge) -> 30-minute intervals"
	.build/release/headcount aggregate --calls data/sample_call_log.csv --interval 30m --timezone Europe/Berlin --output $(DEMO)/sample_intervals.csv
	@echo "== 2. backtest: which forecasting model to trust on the real bank data (8 folds x 7 days)"
	.build/release/headcount backtest --history data/bank_calls_5min.csv --folds 8 --horizon 7d
	@echo "== 3. forecast: the next 7 days of the bank, 30-minute intervals, 90% prediction intervals"
	.build/release/headcount forecast --history data/bank_calls_5min.csv --interval 30m --horizon 7d --output $(DEMO)/bank_forecast.csv
	@head -4 $(DEMO)/bank_forecast.csv
	@echo "== 4. staff: agents per half-hour for that forecast (Erlang A, patience 180 s, 80/20, 30% shrinkage)"
	.build/release/headcount staff --forecast $(DEMO)/bank_forecast.csv --aht 300 --model erlang-a --patience 180 \
	  --target-sl 0.8 --target-seconds 20 --shrinkage 0.3 --output $(DEMO)/bank_staffing.csv
	@head -4 $(DEMO)/bank_staffing.csv
	@echo "== 5. the same for the Berlin sample (AHT forecast per slot from the call log, 20% bot containment)"
	.build/release/headcount forecast --history $(DEMO)/sample_intervals.csv --timezone Europe/Berlin --horizon 7d --output $(DEMO)/sample_forecast.csv
	.build/release/headcount staff --forecast $(DEMO)/sample_forecast.csv --model erlang-a --patience 120 --shrinkage 0.3 \
	  --bot-containment 0.2 --timezone Europe/Berlin --output $(DEMO)/sample_staffing.csv
	@echo "== 6. schedule: a roster of named agents (core + on-demand pool) with breaks, 11 h rest, starts kept within 2 h, and its coverage"
	.build/release/headcount schedule --requirements $(DEMO)/sample_staffing.csv --shifts data/shifts.toml --agents data/agents.csv \
	  --timezone Europe/Berlin --min-rest 11h --start-spread 2h --work-limit 300 --output $(DEMO)/sample_roster.csv \
	  --coverage $(DEMO)/sample_coverage.csv --fairness-report $(DEMO)/sample_fairness.json
	@head -4 $(DEMO)/sample_roster.csv
	@echo "== 7. callout: an outage adds 8 agents to Wednesday's late morning; recover it (call-ins, extensions, overtime, break moves)"
	@awk -F, 'NR==1{print "interval_start,gap"; next} {g=$$6; if ($$1 ~ /2025-04-16T1[0-3]:/) g+=8; print $$1","g}' \
	  $(DEMO)/sample_coverage.csv > $(DEMO)/sample_surge_gap.csv
	.build/release/headcount callout --roster $(DEMO)/sample_roster.csv --gap $(DEMO)/sample_surge_gap.csv --agents data/agents.csv \
	  --shifts data/shifts.toml --timezone Europe/Berlin --output $(DEMO)/sample_callout.csv --remaining-gap $(DEMO)/sample_remaining_gap.csv
	@cat $(DEMO)/sample_callout.csv
	@echo "remaining gap (intervals still short):"
	@awk -F, 'NR==1 || $$5 > 0' $(DEMO)/sample_remaining_gap.csv
	@echo "== 8. erlang: one interval, Erlang C then Erlang A"
	.build/release/headcount erlang --calls 250 --interval 30m --aht 240 --target-sl 0.8 --target-seconds 20 --format table
	.build/release/headcount erlang --calls 250 --interval 30m --aht 240 --model erlang-a --patience 120 --format table
	@echo "== 9. simulate: what the Berlin roster really delivers against the forecast, beside Erlang A's promise"
	.build/release/headcount simulate --forecast $(DEMO)/sample_forecast.csv --roster $(DEMO)/sample_roster.csv \
	  --patience 120 --bot-containment 0.2 --target-seconds 20 --handle-cv 0.8 --timezone Europe/Berlin \
	  --replications 30 --seed 1 --output $(DEMO)/sample_simulation.csv --daily $(DEMO)/sample_simulation_days.csv
	@echo "== 10. plan: the nightly job for both queues of data/plan.toml (run date 2025-04-06: forecast, staff, roster, simulate), then its HTML report"
	.build/release/headcount plan --config data/plan.toml --output-dir $(DEMO)/plans --date 2025-04-06
	@cat $(DEMO)/plans/latest/summary.json | head -8
	.build/release/headcount report --plan $(DEMO)/plans/latest --output $(DEMO)/report.html
	@echo "outputs in $(DEMO)/ (open $(DEMO)/report.html)"

## Worked analyses (notebooks-as-scripts/nb*.py, percent format): run top to bottom, plots in analysis-output/.
## Needs a python3 with matplotlib: NOTEBOOK_PYTHON if it has one, else Debian's (apt python3-matplotlib,
## installed here without questions when missing, as on a fresh CI machine). Plots render headless (Agg).
NOTEBOOK_PYTHON ?= python3
notebooks: release
	@py=$(NOTEBOOK_PYTHON); \
	if ! $$py -c "import matplotlib" 2>/dev/null; then \
	  py=/usr/bin/python3; \
	  if ! $$py -c "import matplotlib" 2>/dev/null; then \
	    echo "installing python3 python3-matplotlib"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3 python3-matplotlib >/dev/null || exit 1; \
	  fi; \
	fi; \
	for nb in notebooks-as-scripts/nb*.py; do echo "== $$nb"; MPLBACKEND=Agg $$py $$nb || exit 1; done
	@ls analysis-output/*.png

## The README's report screenshot: the demo's report rendered by headless chromium, network off.
report-screenshot: demo
	bash docs/render_report.sh $(DEMO)/report.html docs/report.png 1280 2400

bench: release
	bash benchmarks/run.sh

## libFuzzer: each reader's target for FUZZ_SECONDS (default 120 s), seeded from data/ and the bad-input corpus.
## Targets: history (interval history, forecasts), calllog, agents, requirements, specialdays, gaps (gap files and
## rosters), shifts (TOML shift templates), incidents (past outages).
FUZZ_TARGETS := history calllog agents requirements specialdays gaps shifts incidents
fuzz: deps
	bash fuzz/run.sh $(FUZZ_TARGETS)

clean:
	rm -rf .build $(DEMO)

# Headcount — two commands on a fresh Debian machine:
#   make demo   set everything up and run the main job on the bundled sample data
#   make test   set everything up and run the tests
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO := demo-output
SYSTEM_PACKAGES := liblapack-dev pkg-config

.PHONY: demo test bench deps build release clean

## Install the system libraries the package links against (only when missing).
deps:
	@if ! pkg-config --exists lapack 2>/dev/null; then \
	  echo "installing $(SYSTEM_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test

demo: release
	@mkdir -p $(DEMO)
	@echo "== aggregate: per-call log (Europe/Berlin, with an outage surge) -> 30-minute intervals"
	.build/release/headcount aggregate --calls data/sample_call_log.csv --interval 30m --timezone Europe/Berlin --output $(DEMO)/sample_intervals.csv
	@echo "== aggregate: bank 5-minute history -> 30-minute history"
	.build/release/headcount aggregate --calls data/bank_calls_5min.csv --interval 30m --output $(DEMO)/bank_30min.csv
	@echo "== erlang: one interval, Erlang C and Erlang A"
	.build/release/headcount erlang --calls 250 --interval 30m --aht 240 --target-sl 0.8 --target-seconds 20 --format table
	.build/release/headcount erlang --calls 250 --interval 30m --aht 240 --model erlang-a --patience 120 --format table
	@echo "== staff: agents per half-hour for the sample history (Erlang A, 30% shrinkage, 20% bot containment)"
	.build/release/headcount staff --forecast $(DEMO)/sample_intervals.csv --aht 300 --model erlang-a --patience 120 \
	  --shrinkage 0.3 --bot-containment 0.2 --timezone Europe/Berlin --output $(DEMO)/sample_staffing.csv
	@head -5 $(DEMO)/sample_staffing.csv
	@echo "outputs in $(DEMO)/"

bench: release
	bash benchmarks/run.sh

clean:
	rm -rf .build $(DEMO)

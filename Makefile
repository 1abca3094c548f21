# The two commands that matter: `make run` (the platform on https://localhost:8443) and `make test`
# (everything, as CI runs it). Scripts live in deploy/; see deploy/README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
SWIFT ?= swift
COVERAGE_MIN ?= 70
export COVERAGE_MIN

RUN_DIRS := $(CURDIR)/.run $(CURDIR)/.run-test $(CURDIR)/.run-bench
SHELL_SCRIPTS = $(shell grep -rlE '^\#!/usr/bin/env bash' deploy Tests/e2e .ci) deploy/lib/*.sh Tests/e2e/lib.sh

.PHONY: help deps build run stop test bench clean lint

help:
	@echo "make deps   install missing Debian packages (apt-get)"
	@echo "make build  swift build -c release"
	@echo "make run    build and start the platform in .run: https://localhost:8443 (HTTP 8080 redirects)"
	@echo "make stop   stop it (and any leftover test/bench platform)"
	@echo "make test   unit + integration + e2e tests on a throwaway platform, coverage >= COVERAGE_MIN ($(COVERAGE_MIN)%)"
	@echo "make bench  wrk: a function vs nginx's own return 200, same run"
	@echo "make lint   shellcheck, nginx -t on the rendered config, Runtime layering greps"
	@echo "make clean  stop everything, remove run folders and build products"

deps:
	@deploy/deps

build: deps
	$(SWIFT) build -c release

run: build
	RUN_DIR=$(CURDIR)/.run BIN_DIR="$$($(SWIFT) build -c release --show-bin-path)" deploy/up

# Stops the make-run platform, and any test or bench platform an interrupted run left behind.
stop:
	@for dir in $(RUN_DIRS); do \
	    if [[ -f $$dir/platform.env || -d $$dir/pids ]]; then RUN_DIR=$$dir deploy/down; fi; \
	done

test: deps
	$(SWIFT) build --build-tests --enable-code-coverage
	deploy/test

bench: build
	BIN_DIR="$$($(SWIFT) build -c release --show-bin-path)" deploy/bench

clean:
	@for dir in $(RUN_DIRS); do \
	    if [[ -d $$dir ]]; then \
	        RUN_DIR=$$dir deploy/down || true; \
	        if [[ -L $$dir/pg ]]; then rm -rf "$$(readlink -f $$dir/pg)"; fi; \
	        rm -rf $$dir; \
	    fi; \
	done
	$(SWIFT) package clean

lint:
	@deploy/deps shellcheck
	shellcheck $(SHELL_SCRIPTS)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	    RUN_DIR=$$tmp BENCH=1 NGINX_TEST_ROUTES=1 CORS_ORIGINS=https://app.example.test deploy/nginx render >/dev/null && \
	    echo "nginx -t: rendered configuration OK"
	@# Layering (STYLE "C interop wrappers" 3): no C handles in public Runtime API, no C modules above Runtime.
	@! grep -rn 'public.*\(OpaquePointer\|Unsafe\)' Runtime || { echo "lint: C pointer types in public Runtime API" >&2; exit 1; }
	@! grep -rnE 'import C(LibPQ|Curl|PangoCairo)' Functions Tests || { echo "lint: Functions/Tests import a C module" >&2; exit 1; }
	@echo "lint: OK"

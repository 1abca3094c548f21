#!/usr/bin/env bash
# Runs every Tests/e2e/test_NN_<what>.sh against a running platform (make test starts one) and prints
# "N passed, N failed" as its last line. Exit status 1 if any test failed.
#   Tests/e2e/run.sh [pattern]     e.g. run.sh readyz
# Without E2E_BASE_URL/E2E_RUN_DIR it uses RUN_DIR (default .run-test) and that folder's saved ports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export E2E_RUN_DIR="${E2E_RUN_DIR:-${RUN_DIR:-$(cd ../.. && pwd)/.run-test}}"
if [[ -z ${E2E_BASE_URL:-} ]]; then
    port="$(sed -n 's/^HTTPS_PORT=//p' "$E2E_RUN_DIR/platform.env" 2>/dev/null || true)"
    [[ -n $port ]] || { echo "no platform running in $E2E_RUN_DIR (set E2E_BASE_URL/E2E_RUN_DIR)" >&2; exit 2; }
    export E2E_BASE_URL="https://localhost:$port"
fi
passed=0
failed=0
failures=()
start=$SECONDS
for test in test_[0-9][0-9]_*.sh; do
    [[ -z ${1:-} || $test == *"$1"* ]] || continue
    printf '=== %s\n' "${test%.sh}"
    t0=$SECONDS
    if timeout 120 bash "$test"; then
        passed=$((passed + 1))
        printf '    PASS %s (%ss)\n' "${test%.sh}" $((SECONDS - t0))
    else
        failed=$((failed + 1))
        failures+=("${test%.sh}")
        printf '    FAIL %s (%ss)\n' "${test%.sh}" $((SECONDS - t0))
    fi
done
printf '\ne2e: %ss against %s (run folder %s)\n' $((SECONDS - start)) "$E2E_BASE_URL" "$E2E_RUN_DIR"
if ((failed > 0)); then printf 'failed: %s\n' "${failures[*]}"; fi
printf '%s passed, %s failed\n' "$passed" "$failed"
((failed == 0))

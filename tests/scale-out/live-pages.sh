#!/usr/bin/env bash
# Live pages across processes: a private PostgreSQL cluster, one web process (serves the pages, runs no trials) and two
# worker processes; runs the Playwright test LivePagesAcrossProcessesTests against the web process. Its study's trials
# run in the workers (tests/scale-out/epochs.py, a few epochs with progress), and the study page must show each
# finished trial within 2 s and the running trial's epoch progress.
set -euo pipefail
tag=live-pages
source "$(dirname "$0")/common.sh"

log "building the browser tests"
dotnet build tests/BoDashboard.EndToEnd.Tests -c Release -v q -nologo >"$work/build-tests.log" 2>&1 || { cat "$work/build-tests.log"; fail "build"; }

# The trial command the test's study uses; the web process needs it too, to accept the study.
export Objectives__Commands__epochs__Description="A few epochs with progress (tests/scale-out/epochs.py)"
export Objectives__Commands__epochs__Executable=python3
export Objectives__Commands__epochs__Arguments__0=tests/scale-out/epochs.py
export Objectives__Commands__epochs__Arguments__1=--x
export Objectives__Commands__epochs__Arguments__2="{x}"
export Objectives__Commands__epochs__TimeoutSeconds=120
web="http://127.0.0.1:$webport"
start_web
start_worker worker-a
start_worker worker-b

log "web on $web, workers worker-a and worker-b; running the browser test"
status=0
BODASHBOARD_PG_WEB_URL="$web" dotnet test tests/BoDashboard.EndToEnd.Tests -c Release --no-build \
    --filter "FullyQualifiedName~LivePagesAcrossProcessesTests" --logger "console;verbosity=normal" 2>&1 | tee "$work/test.log" \
    || status=$?
# A skipped test (no Chromium, variable not seen) must not count as a pass.
if [ "$status" -ne 0 ] || ! grep -qE '^ +Passed: +1$' "$work/test.log" || grep -qE '^ +(Failed|Skipped): +[1-9]' "$work/test.log"; then
    for f in web worker-a worker-b; do log "--- last lines of $f.log"; tail -n 20 "$work/$f.log"; done
    fail "the live-pages browser test did not pass"
fi
log "passed"

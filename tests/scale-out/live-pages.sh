#!/usr/bin/env bash
# Live pages across processes: a private PostgreSQL cluster, one web process (serves the pages, runs no trials) and two
# worker processes; runs the Playwright test LivePagesAcrossProcessesTests against the web process. Its study's trials
# run in the workers (tests/scale-out/epochs.py, a few epochs with progress), and the study page must show each
# finished trial within 2 s and the running trial's epoch progress.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source tests/scale-out/pg.sh

log() { printf '[live-pages] %s\n' "$*"; }
fail() { log "FAILED: $*"; exit 1; }

work=$(mktemp -d /tmp/bodashboard-live-pages.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop
    rm -rf "$work"
}
trap cleanup EXIT

pg_start "$work" || fail "PostgreSQL"
log "PostgreSQL on 127.0.0.1:$pgport"

log "building the app and the browser tests"
dotnet build tests/BoDashboard.EndToEnd.Tests -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
app="$root/src/BoDashboard.Web/bin/Release/net10.0/linux-x64/BoDashboard.Web.dll"
[ -f "$app" ] || app=$(ls "$root"/src/BoDashboard.Web/bin/Release/net10.0/*/BoDashboard.Web.dll "$root"/src/BoDashboard.Web/bin/Release/net10.0/BoDashboard.Web.dll 2>/dev/null | head -n 1)

export Hangfire__WorkerCount=2 Hangfire__QueuePollIntervalSeconds=1
# The trial command the test's study uses; the web process needs it too, to accept the study.
export Objectives__Commands__epochs__Description="A few epochs with progress (tests/scale-out/epochs.py)"
export Objectives__Commands__epochs__Executable=python3
export Objectives__Commands__epochs__Arguments__0=tests/scale-out/epochs.py
export Objectives__Commands__epochs__Arguments__1=--x
export Objectives__Commands__epochs__Arguments__2="{x}"
export Objectives__Commands__epochs__TimeoutSeconds=120
webport=$(free_port)
web="http://127.0.0.1:$webport"

dotnet "$app" --role web --urls "$web" >"$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -sf "$web/api/studies" >/dev/null && break; sleep 0.5; done
curl -sf "$web/api/studies" >/dev/null || { tail -n 30 "$work/web.log"; fail "the web process did not answer"; }
for name in worker-a worker-b; do
    Worker__Name=$name dotnet "$app" --role worker >"$work/$name.log" 2>&1 &
    pids+=($!)
done

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

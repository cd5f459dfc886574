#!/usr/bin/env bash
# Resident memory of the dashboard's web process while it runs AlexNet trials (each in its own child process):
# after the first trial and after the 50th. Trials are tiny (600 images, 1 epoch) so the run takes minutes;
# what is measured is the web process, which must not grow with the number of trials nor ever load libtorch.
# Usage: tests/bench/web-memory.sh [TRIALS]   (builds nothing: run `dotnet build -c Release` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
trials=${1:-50}
work=$(mktemp -d /tmp/bodashboard-memory.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dotnet src/BoDashboard.Web/bin/Release/net10.0/linux-x64/BoDashboard.Web.dll --urls "http://127.0.0.1:$port" \
    --ConnectionStrings:Studies "Data Source=$work/studies.db" --ConnectionStrings:Hangfire "$work/hangfire.db" \
    --Storage:DataFolder "$work/data" > "$work/web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/studies" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$web/status"; }
echo "web process $web, resident at start: $(rss) MB"
id=$(curl -sf -X POST "http://127.0.0.1:$port/api/studies" -H 'content-type: application/json' -d "{
  \"name\": \"memory\", \"objective\": {\"kind\": \"alexnet\", \"epochs\": 1, \"trainSubset\": 600, \"batchSize\": 64},
  \"parameters\": [{\"name\": \"learning_rate\", \"type\": \"float\", \"low\": 0.001, \"high\": 0.05, \"log\": true}],
  \"sampler\": {\"name\": \"random\", \"seed\": 0}, \"budget\": $trials}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
finished() { curl -sf "http://127.0.0.1:$port/api/studies/$id" | python3 -c 'import json,sys; print(sum(t["state"] != "running" for t in json.load(sys.stdin)["trials"]))'; }
start=$(date +%s)
first=""
next=25
while true; do
    n=$(finished)
    if [ -z "$first" ] && [ "$n" -ge 1 ]; then first=$(rss); echo "after trial 1: $first MB"; fi
    if [ "$n" -ge $(( next )) ] && [ "$n" -lt "$trials" ]; then echo "after trial $n: $(rss) MB" >&2; next=$(( next + 25 )); fi
    [ "$n" -ge "$trials" ] && break
    printf '\r%d / %d trials, %d s' "$n" "$trials" $(( $(date +%s) - start )) >&2
    sleep 1
done
echo
last=$(rss)
echo "after trial $trials: $last MB ($(( $(date +%s) - start )) s)"
grep -q libtorch "/proc/$web/maps" && echo "libtorch IS loaded in the web process" || echo "libtorch is not loaded in the web process"
curl -sf "http://127.0.0.1:$port/api/studies/$id" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("states:", {s: sum(t["state"] == s for t in d["trials"]) for s in {t["state"] for t in d["trials"]}})'

#!/usr/bin/env bash
# Scale-out check: one web process and two worker processes sharing a private PostgreSQL cluster on 127.0.0.1.
# Measures trials per minute of a sleep-bound study (each evaluation sleeps 1 s, parallelism 4) with 1 and with 2
# workers, then kills a worker with SIGKILL mid-study, starts it again, and checks through the REST API that the
# study ends with exactly its budget of trials, distinct contiguous numbers and no trial left running.
set -euo pipefail
tag=scale-out
source "$(dirname "$0")/common.sh"
start_web

create_study() { # name budget sampler -> id
    post_study "{
        \"name\": \"$1\", \"objective\": {\"kind\": \"analytic\", \"function\": \"branin\", \"delaySeconds\": 1},
        \"sampler\": {\"name\": \"$3\", \"initialPoints\": 4, \"seed\": 0}, \"budget\": $2, \"parallelism\": 4}"
}
# Trials per minute from the first trial's start to the last trial's end (start-up of the processes excluded).
rate() {
    curl -sf "$api/$1" | python3 -c '
import json, sys
from datetime import datetime
t = json.load(sys.stdin)["trials"]
parse = lambda s: datetime.fromisoformat(s.rstrip("Z")[:26])
span = (max(parse(x["finishedAt"]) for x in t) - min(parse(x["startedAt"]) for x in t)).total_seconds()
print(f"{len(t) * 60 / span:.1f}")'
}

budget=40
# Long enough that the processes' start (a worker polls the queue every second) is a small part of the span.
throughput_budget=80
start_worker worker-a
# Throughput is measured with the random sampler, so that it shows the distribution of trials (jobs, storage, leases)
# rather than the GP's suggestion time, which every trial of a gp-ei study pays in turn under the study's lock.
one=$(create_study "scale-out, 1 worker" $throughput_budget random)
wait_done "$one" 300
rate1=$(rate "$one")
log "1 worker : $rate1 trials/min (study $one, $throughput_budget trials of 1 s, parallelism 4, 2 jobs per worker)"

start_worker worker-b
sleep 3
two=$(create_study "scale-out, 2 workers" $throughput_budget random)
wait_done "$two" 300
rate2=$(rate "$two")
log "2 workers: $rate2 trials/min (study $two)"
speedup=$(python3 -c "print(f'{$rate2 / $rate1:.2f}')")
log "speed-up : ${speedup}x (target: at least 1.8x)"

killed=$(create_study "scale-out, worker killed" $budget gp-ei)
for _ in $(seq 120); do
    [ "$(study_field "$killed" "sum(x['state'] == 'complete' for x in t)")" -ge 10 ] && break
    sleep 0.5
done
running=$(study_field "$killed" "sum(x['state'] == 'running' and x.get('workerName') == 'worker-b' for x in t)")
kill -9 "${worker_pid[worker-b]}"
wait "${worker_pid[worker-b]}" 2>/dev/null || true
log "killed worker-b with SIGKILL while it ran $running trial(s); starting it again"
sleep 2
start_worker worker-b
wait_done "$killed" 300
check=$(study_field "$killed" "[len(t), sorted(x['number'] for x in t) == list(range(len(t))), sum(x['state'] == 'running' for x in t), sorted({x['state'] for x in t}), sorted({x.get('workerName', '') for x in t})]")
log "after the kill: (trials, numbers 0..n-1, still running, states, workers) = $check"
python3 - "$check" "$budget" <<'PY' || fail "lost, duplicate or stuck trials after the kill"
import ast, sys
count, contiguous, running, states, workers = ast.literal_eval(sys.argv[1])
assert "worker-b" in workers
assert count == int(sys.argv[2]) and contiguous and running == 0 and states == ["complete"], sys.argv[1]
PY
# Speed is reported, not asserted: a busy machine must not fail this check (the target, 1.8x, is in docs/benchmarks.md).
python3 -c "import sys; sys.exit(0 if $rate2 >= 1.8 * $rate1 else 1)" || log "note: 2 workers gave ${speedup}x the trials per minute of 1 worker, below the 1.8x target"
log "passed: $budget trials, contiguous numbers, none stuck; 1 worker $rate1/min, 2 workers $rate2/min (${speedup}x)"

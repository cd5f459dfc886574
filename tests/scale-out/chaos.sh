#!/usr/bin/env bash
# Chaos check (~2 minutes): one web process and two worker processes on a private PostgreSQL cluster run a study of 60
# one-second trials (each a process: tests/scale-out/chaos_trial.py, Branin) at parallelism 4, while a worker is
# killed with SIGKILL five times at random moments and started again. Then, through the REST API: exactly 60 trials,
# numbers 0-59, none running, every value equal to Branin at that trial's own parameters (computed here, so a result
# written by the wrong owner shows), and no trial process left behind.
set -euo pipefail
tag=chaos
source "$(dirname "$0")/common.sh"

# Short leases, so that each kill's trials are re-run within seconds rather than 30 s.
export Runner__HeartbeatIntervalSeconds=1 Runner__HeartbeatTimeoutSeconds=5 Runner__RecoveryIntervalSeconds=2
# The trial program is copied into this run's folder: its path tells our trial processes from anyone else's.
trial="$work/chaos_trial.py"
cp "$root/tests/scale-out/chaos_trial.py" "$trial"
export Objectives__Commands__chaos__Executable=python3 Objectives__Commands__chaos__TimeoutSeconds=60
export Objectives__Commands__chaos__Arguments__0="$trial" Objectives__Commands__chaos__Arguments__1=--x1 \
    Objectives__Commands__chaos__Arguments__2='{x1}' Objectives__Commands__chaos__Arguments__3=--x2 \
    Objectives__Commands__chaos__Arguments__4='{x2}'
export Objectives__StopGraceSeconds=2
budget=60
kills=5

start_web
start_worker worker-a
start_worker worker-b
id=$(post_study "{
    \"name\": \"chaos\", \"objective\": {\"kind\": \"command\", \"command\": \"chaos\"},
    \"parameters\": [{\"name\": \"x1\", \"type\": \"float\", \"low\": -5, \"high\": 10},
                     {\"name\": \"x2\", \"type\": \"float\", \"low\": 0, \"high\": 15}],
    \"sampler\": {\"name\": \"gp-ei\", \"initialPoints\": 4, \"seed\": 0}, \"direction\": \"minimize\",
    \"budget\": $budget, \"parallelism\": 4}")
log "study $id: $budget trials of ~1 s at parallelism 4, two workers"
started=$(date +%s)
# The kills start once trials run (the workers take a few seconds to start).
for _ in $(seq 120); do
    [ "$(study_field "$id" "len(t)")" -ge 4 ] && break
    sleep 0.5
done

for kill in $(seq "$kills"); do
    sleep "$(python3 -c 'import random; print(round(random.uniform(2, 5), 1))')"
    # A worker that runs trials, if one does (a worker still starting after the last kill has none).
    busy=$(study_field "$id" "' '.join(sorted({x.get('workerName') or '' for x in t if x['state'] == 'running'} & {'worker-a', 'worker-b'}))")
    read -r -a candidates <<<"${busy:-worker-a worker-b}"
    victim=${candidates[$((RANDOM % ${#candidates[@]}))]}
    state=$(study_field "$id" "d['state'], len(t), sum(x['state'] == 'running' and x.get('workerName') == '$victim' for x in t)")
    kill -9 "${worker_pid[$victim]}"
    wait "${worker_pid[$victim]}" 2>/dev/null || true
    log "kill $kill: SIGKILL to $victim (study state, trials so far, trials it ran) = ($state); starting it again"
    start_worker "$victim"
done

wait_done "$id" 300
log "study completed $(( $(date +%s) - started )) s after it started"
# Trial processes of killed workers end within their guard's poll (0.5 s) plus the grace period (2 s).
sleep 3
left=$(pgrep -af -- "$trial" || true)

check=$(study_field "$id" "[len(t), sorted(x['number'] for x in t) == list(range(len(t))), sum(x['state'] == 'running' for x in t), sorted({x['state'] for x in t}), sorted({x.get('workerName') or '' for x in t})]")
log "after $kills kills: (trials, numbers 0..n-1, still running, states, workers) = $check"
curl -sf "$api/$id" | python3 -c '
import json, math, sys
def branin(x1, x2):
    a, b, c, r, s, t = 1.0, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6.0, 10.0, 1 / (8 * math.pi)
    return a * (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * math.cos(x1) + s
trials = json.load(sys.stdin)["trials"]
wrong = [(x["number"], x["value"], branin(x["params"]["x1"], x["params"]["x2"])) for x in trials
         if x["value"] is None or not math.isclose(x["value"], branin(x["params"]["x1"], x["params"]["x2"]), rel_tol=1e-9, abs_tol=1e-9)]
print(f"values checked against Branin at each trial'"'"'s parameters: {len(trials) - len(wrong)} equal, {len(wrong)} differ {wrong[:5]}")
sys.exit(1 if wrong else 0)' || fail "a trial's value is not the objective at its own parameters"
python3 - "$check" "$budget" <<'PY' || fail "lost, duplicate or stuck trials after the kills"
import ast, sys
count, contiguous, running, states, workers = ast.literal_eval(sys.argv[1])
assert count == int(sys.argv[2]) and contiguous and running == 0 and states == ["complete"], sys.argv[1]
PY
[ -z "$left" ] || fail "trial processes left behind: $left"
log "passed: $budget trials, numbers 0-$((budget - 1)), none running, every value its own parameters' Branin, no trial process left behind"

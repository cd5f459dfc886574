# Shared by run.sh, chaos.sh and live-pages.sh (sourced, not run): a private PostgreSQL cluster on 127.0.0.1, the app built once, one
# web process, worker processes started by name, and helpers over the REST API. Set `tag` before sourcing it.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

log() { printf '[%s] %s\n' "$tag" "$*"; }
fail() { log "FAILED: $*"; exit 1; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing Debian's postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

work=$(mktemp -d "/tmp/bodashboard-$tag.XXXXXX")
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -f "$work/pg/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pgport=$(free_port)
install -d -o postgres "$work/pg" "$work/sock"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$pgbin/postgres" -D "$work/pg" -c listen_addresses=127.0.0.1 -p "$pgport" -k "$work/sock" >"$work/postgres.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" && break; sleep 0.5; done
"$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" || fail "postgres did not start (see $work/postgres.log)"
"$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres bodashboard
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

log "building the app"
dotnet build src/BoDashboard.Web -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
app="$root/src/BoDashboard.Web/bin/Release/net10.0/linux-x64/BoDashboard.Web.dll"
[ -f "$app" ] || app=$(ls "$root"/src/BoDashboard.Web/bin/Release/net10.0/*/BoDashboard.Web.dll "$root"/src/BoDashboard.Web/bin/Release/net10.0/BoDashboard.Web.dll 2>/dev/null | head -n 1)

export Storage__Provider=PostgreSql
export ConnectionStrings__Studies="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bodashboard"
export ConnectionStrings__Hangfire="$ConnectionStrings__Studies"
export Hangfire__WorkerCount=2 Hangfire__QueuePollIntervalSeconds=1
webport=$(free_port)
api="http://127.0.0.1:$webport/api/studies"

start_web() {
    dotnet "$app" --role web --urls "http://127.0.0.1:$webport" >"$work/web.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 120); do curl -sf "$api" >/dev/null && break; sleep 0.5; done
    curl -sf "$api" >/dev/null || { tail -n 30 "$work/web.log"; fail "the web process did not answer"; }
}

declare -A worker_pid
start_worker() { # name
    Worker__Name="$1" dotnet "$app" --role worker >>"$work/$1.log" 2>&1 &
    worker_pid[$1]=$!
    pids+=($!)
}

post_study() { # json -> id
    curl -sf -X POST "$api" -H 'Content-Type: application/json' -d "$1" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}
study_field() { # id python-expression-over-d
    curl -sf "$api/$1" | python3 -c "import json, sys; d = json.load(sys.stdin); t = d['trials']; print($2)"
}
wait_done() { # id timeout-seconds
    local deadline=$(( $(date +%s) + $2 ))
    while [ "$(study_field "$1" "d['state']")" != completed ]; do
        [ "$(date +%s)" -lt "$deadline" ] || fail "study $1 did not complete in $2 s: $(study_field "$1" "d['state'], len(t)")"
        sleep 1
    done
}

# Sourced by the tests/scale-out scripts: a private PostgreSQL cluster on 127.0.0.1 in a temporary folder (Debian's
# packaged cluster stays down). Defines free_port, pg_start FOLDER and pg_stop; pg_start sets pgbin and pgport and
# exports the connection strings and provider that the web and worker roles read.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pg_start() { # folder (created by mktemp; the cluster lives in folder/pg)
    local folder=$1
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        echo "installing Debian's postgresql"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    pgport=$(free_port)
    pgfolder=$folder/pg
    chmod 755 "$folder"
    install -d -o postgres "$folder/pg" "$folder/sock"
    runuser -u postgres -- "$pgbin/initdb" -D "$folder/pg" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$pgbin/postgres" -D "$folder/pg" -c listen_addresses=127.0.0.1 -p "$pgport" -k "$folder/sock" \
        >"$folder/postgres.log" 2>&1 &
    for _ in $(seq 60); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" && break; sleep 0.5; done
    "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" || { echo "postgres did not start (see $folder/postgres.log)"; return 1; }
    "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres bodashboard
    export Storage__Provider=PostgreSql
    export ConnectionStrings__Studies="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bodashboard"
    export ConnectionStrings__Hangfire="$ConnectionStrings__Studies"
}

pg_stop() { # stops the cluster that pg_start started (immediate: the test's data is thrown away)
    [ -n "${pgfolder:-}" ] && [ -f "$pgfolder/postmaster.pid" ] \
        && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgfolder" -m immediate stop >/dev/null 2>&1 || true
}

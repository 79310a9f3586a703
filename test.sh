#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints one line: "N passed, N failed, N skipped".
# PostgreSQL: a throw-away server in a temporary directory for the Stratum.Data tests (installed with apt when
# missing); without one those tests skip and say why.
# Chromium: Debian's package for the browser tests (installed with apt when missing, path in STRATUM_CHROMIUM);
# without it those tests skip and say why.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
pg_dir=""
cleanup() {
    if [ -n "$pg_dir" ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
        rm -rf "$pg_dir"
    fi
    rm -f "$log"
}
trap cleanup EXIT

pg_bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
    command -v initdb >/dev/null && dirname "$(readlink -f "$(command -v initdb)")"
}

start_postgres() {
    pg_bin=$(pg_bin_dir)
    if [ -z "$pg_bin" ]; then
        echo "PostgreSQL not found: installing it with apt-get"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
            echo "apt-get could not install postgresql: the PostgreSQL tests will skip"
            return
        fi
        pg_bin=$(pg_bin_dir)
    fi
    if [ -z "$pg_bin" ] || ! id postgres >/dev/null 2>&1; then
        echo "no initdb or no postgres user after installing: the PostgreSQL tests will skip"
        return
    fi

    pg_dir=$(mktemp -d /tmp/stratum-pg.XXXXXX)
    chown postgres "$pg_dir"
    chmod 700 "$pg_dir"
    local port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    local password
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    echo "$password" > "$pg_dir/pw" && chown postgres "$pg_dir/pw"

    if ! runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            --pwfile="$pg_dir/pw" -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1; then
        echo "initdb failed: the PostgreSQL tests will skip"; cat "$pg_dir/initdb.log"; return
    fi
    # autovacuum off: a throw-away server needs none, and its workers (run as postgres) make the tests' DROP DATABASE
    # WITH (FORCE) fail when one happens to be in the database being dropped.
    if ! runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c autovacuum=off -c max_connections=200" start >/dev/null; then
        echo "PostgreSQL did not start: the PostgreSQL tests will skip"; cat "$pg_dir/server.log"; return
    fi
    # The tests create a database per test, so the role needs CREATEDB.
    if ! runuser -u postgres -- "$pg_bin/psql" -h "$pg_dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
            -c "CREATE ROLE stratum LOGIN CREATEDB PASSWORD '$password';" -c "CREATE DATABASE stratum OWNER stratum;"; then
        echo "could not create the test role: the PostgreSQL tests will skip"; return
    fi
    export STRATUM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=stratum;Password=$password;Database=stratum"
    echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($pg_dir)"
}

find_chromium() {
    local path
    for path in "${STRATUM_CHROMIUM:-}" "$(command -v chromium)" "$(command -v chromium-browser)"; do
        if [ -n "$path" ] && [ -x "$path" ]; then echo "$path"; return; fi
    done
}

chromium=$(find_chromium)
if [ -z "$chromium" ]; then
    echo "Chromium not found: installing it with apt-get"
    if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } 2>/dev/null; then
        chromium=$(find_chromium)
    fi
    [ -n "$chromium" ] || echo "apt-get could not install chromium: the browser tests will skip"
fi
if [ -n "$chromium" ]; then
    export STRATUM_CHROMIUM="$chromium"
    echo "Chromium: $("$chromium" --version 2>/dev/null | head -n 1) ($chromium)"
fi

if ! dotnet build Stratum.slnx -c Release -nologo -v quiet; then
    echo "build failed"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

if [ -n "${STRATUM_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL from STRATUM_TEST_POSTGRES"
else
    start_postgres
fi

dotnet test --solution Stratum.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The last "Test run summary" block adds up every test project.
count() { grep -E "^\s+$1:" "$log" | tail -n 1 | awk '{print $2}'; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ -z "$passed" ]; then
    echo "no test results were found"
    exit 1
fi
exit "$status"

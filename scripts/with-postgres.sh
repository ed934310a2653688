#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server for the tests marked `postgres`.
#
#   bash scripts/with-postgres.sh .venv/bin/pytest tests/store -q
#
# If ALLEGIANCE_TEST_PG_URL is already set, the command just runs against that server.
# Otherwise this starts Debian's PostgreSQL (installing it with apt-get when no initdb is
# found and we are root) in a temporary directory, on a free port on 127.0.0.1 with trust
# auth, exports ALLEGIANCE_TEST_PG_URL, runs the command, and always stops the server and
# removes the directory. It exits with the command's status. When no server can be had it
# says so on stderr and still runs the command: the postgres tests then skip, or fail when
# CI is set.
set -uo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

if [[ -n "${ALLEGIANCE_TEST_PG_URL:-}" ]]; then
    exec "$@"
fi

say() { echo "with-postgres: $*" >&2; }

find_bindir() {
    local initdb
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$initdb" ]] && dirname "$initdb"
}

BINDIR=$(find_bindir)
if [[ -z "$BINDIR" && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "no PostgreSQL server found; installing Debian's postgresql package"
    if apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2; then
        BINDIR=$(find_bindir)
    fi
fi
if [[ -z "$BINDIR" ]]; then
    say "PostgreSQL server not available (no initdb under /usr/lib/postgresql/*/bin); running without it"
    "$@"
    exit $?
fi

# initdb refuses to run as root: run the server as the postgres user when we are root.
if [[ $(id -u) -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
        say "running as root but there is no postgres user to run the server; running without it"
        "$@"
        exit $?
    fi
    if command -v runuser >/dev/null 2>&1; then
        as_pg() { runuser -u postgres -- "$@"; }
    else
        as_pg() { su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }
    fi
    PGUSER_OS=postgres
else
    as_pg() { "$@"; }
    PGUSER_OS=$(id -un)
fi

PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/allegiance-pg.XXXXXX")
chmod 755 "$PGTMP"
mkdir -p "$PGTMP/sock"
chown -R "$PGUSER_OS" "$PGTMP"
STARTED=0
CHILD=

cleanup() {
    if [[ $STARTED -eq 1 ]]; then
        as_pg "$BINDIR/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGTMP"
}
# On INT/TERM pass the signal on to the command, let it finish, then clean up via EXIT.
on_signal() {
    if [[ -n "$CHILD" ]]; then
        kill -s "$1" "$CHILD" 2>/dev/null
        wait "$CHILD" 2>/dev/null
    fi
    exit "$2"
}
trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

start_server() {
    as_pg "$BINDIR/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        >"$PGTMP/initdb.log" 2>&1 || { say "initdb failed:"; cat "$PGTMP/initdb.log" >&2; return 1; }
    local attempt
    for attempt in 1 2 3 4 5; do
        PORT=$(free_port)
        if as_pg "$BINDIR/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null 2>&1; then
            STARTED=1
            return 0
        fi
    done
    say "the server did not start; its log:"
    tail -n 20 "$PGTMP/server.log" >&2 2>/dev/null
    return 1
}

if start_server && as_pg "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres allegiance_test; then
    export ALLEGIANCE_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/allegiance_test"
    say "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
else
    say "could not start a PostgreSQL server; running without it"
fi

# In the background (stdin kept) so that a signal reaches the trap while the command runs.
"$@" <&0 &
CHILD=$!
wait "$CHILD"
exit $?

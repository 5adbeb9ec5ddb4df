#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the store tests.
#
#   source .ci/start-postgres.sh     # exports WATCHFLOOR_TEST_PG_URL; call watchfloor_stop_postgres when done
#   .ci/start-postgres.sh            # prints the export line (stop with: pg_ctl -D "$dir/data" stop)
#
# The cluster lives in a fresh temporary directory, listens on 127.0.0.1 only, on a free high port, with a
# random password. PostgreSQL refuses to run as root, so as root the server runs as the "postgres" user.
# Safe to source: it changes no shell options and returns non-zero on failure instead of exiting.

_watchfloor_start_postgres() {
    local bindir port dir password
    bindir="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /usr/lib/postgresql/15/bin/pg_ctl)")")"
    if [ ! -x "$bindir/pg_ctl" ] || [ ! -x "$bindir/initdb" ]; then
        echo "start-postgres: pg_ctl/initdb not found (PATH or /usr/lib/postgresql/15/bin)" >&2
        return 1
    fi
    local -a as_server=()
    dir="$(mktemp -d "${TMPDIR:-/tmp}/watchfloor-pg.XXXXXX")" || return 1
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "start-postgres: running as root but there is no postgres user" >&2
            rm -rf "$dir"
            return 1
        fi
        chown postgres: "$dir"
        as_server=(runuser -u postgres --)
    fi
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    printf '%s\n' "$password" > "$dir/pwfile"
    [ "${#as_server[@]}" -eq 0 ] || chown postgres: "$dir/pwfile"
    chmod 600 "$dir/pwfile"
    if ! "${as_server[@]}" "$bindir/initdb" -D "$dir/data" -U watchfloor --pwfile="$dir/pwfile" \
            --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
        echo "start-postgres: initdb failed:" >&2
        tail -n 5 "$dir/initdb.log" >&2
        rm -rf "$dir"
        return 1
    fi
    rm -f "$dir/pwfile"
    if ! "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
            start >/dev/null; then
        echo "start-postgres: server did not start:" >&2
        tail -n 5 "$dir/server.log" >&2
        rm -rf "$dir"
        return 1
    fi
    if ! PGPASSWORD="$password" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U watchfloor watchfloor_test; then
        echo "start-postgres: createdb failed" >&2
        "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
        rm -rf "$dir"
        return 1
    fi
    export WATCHFLOOR_TEST_PG_DIR="$dir"
    export WATCHFLOOR_TEST_PG_URL="postgresql+psycopg://watchfloor:$password@127.0.0.1:$port/watchfloor_test"
    _WATCHFLOOR_PG_CTL=("${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data")
}

# Stop the server started above and delete its directory.
watchfloor_stop_postgres() {
    if [ -n "${WATCHFLOOR_TEST_PG_DIR:-}" ] && [ -d "$WATCHFLOOR_TEST_PG_DIR" ]; then
        "${_WATCHFLOOR_PG_CTL[@]}" -m fast stop >/dev/null 2>&1
        rm -rf "$WATCHFLOOR_TEST_PG_DIR"
    fi
    unset WATCHFLOOR_TEST_PG_URL WATCHFLOOR_TEST_PG_DIR _WATCHFLOOR_PG_CTL
}

if _watchfloor_start_postgres; then
    if [ "${BASH_SOURCE[0]}" = "$0" ]; then
        echo "export WATCHFLOOR_TEST_PG_URL='$WATCHFLOOR_TEST_PG_URL'"
        echo "# stop with: ${_WATCHFLOOR_PG_CTL[*]} -m fast stop && rm -rf '$WATCHFLOOR_TEST_PG_DIR'"
    else
        echo "start-postgres: WATCHFLOOR_TEST_PG_URL set (127.0.0.1, data in $WATCHFLOOR_TEST_PG_DIR)" >&2
    fi
else
    unset -f _watchfloor_start_postgres
    # shellcheck disable=SC2317  # exit is reached only when the script is executed, not sourced
    return 1 2>/dev/null || exit 1
fi
unset -f _watchfloor_start_postgres

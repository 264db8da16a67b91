# Provides a throwaway PostgreSQL for the server's tests and exports INSET_TEST_PG_URL, unless
# it is set already. Uses Debian's postgresql package (installed when missing and running as root).
find_pg_bin() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ]
}

ensure_postgres() {
  if [ -n "${INSET_TEST_PG_URL:-}" ]; then echo "postgres: $INSET_TEST_PG_URL"; return 0; fi
  if ! find_pg_bin; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres: not found, installing Debian's postgresql package"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    find_pg_bin || {
      echo "No PostgreSQL found: install it ('sudo apt-get install postgresql') or set INSET_TEST_PG_URL." >&2
      return 1
    }
  fi
  # A free port unless one is asked for: a colleague's or an earlier run's cluster may hold 54329.
  local port=${INSET_TEST_PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
  PG_DATA=$(mktemp -d /tmp/inset-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DATA"; run=(runuser -u postgres --); fi
  # From / so that the postgres user need not read the current directory.
  (cd / && "${run[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null)
  (cd / && "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null) || {
    cat "$PG_DATA/server.log" >&2 2>/dev/null
    return 1
  }
  export INSET_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  PG_STOP=(env -C / "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop)
  echo "postgres: $INSET_TEST_PG_URL ($PG_BIN)"
}

stop_postgres() {
  if [ -n "${PG_DATA:-}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$PG_DATA"; fi
}

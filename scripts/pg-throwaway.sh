# Sourced by scripts/test and scripts/bench: a throw-away PostgreSQL cluster for one script's lifetime.
# Defines pg_throwaway_start (exports JOT_TEST_CONNECTION, PG_THROWAWAY_DIR, PG_THROWAWAY_PORT) and pg_throwaway_stop.
# initdb refuses root, so as root the cluster runs as the `postgres` user; data and socket live under a temp folder.

pg_bin_dir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  local bin
  bin="$(pg_bin_dir)" || { echo "PostgreSQL server binaries not found (run .ci/run, or apt-get install postgresql)" >&2; return 1; }
  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  PG_THROWAWAY_DIR="$(mktemp -d /tmp/jot-pg.XXXXXX)"
  chmod 755 "$PG_THROWAWAY_DIR"
  [[ "$(id -u)" == 0 ]] && chown postgres "$PG_THROWAWAY_DIR"
  pg_as_owner "$bin/initdb" -D "$PG_THROWAWAY_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 \
    || { cat "$PG_THROWAWAY_DIR/initdb.log" >&2; return 1; }
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_THROWAWAY_PORT=$((20000 + RANDOM % 30000))
    if pg_as_owner "$bin/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/server.log" -w -t 60 \
        -o "-p $PG_THROWAWAY_PORT -k $PG_THROWAWAY_DIR -c listen_addresses='' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
      export PG_THROWAWAY_DIR PG_THROWAWAY_PORT PG_THROWAWAY_BIN="$bin"
      export JOT_TEST_CONNECTION="Host=$PG_THROWAWAY_DIR;Port=$PG_THROWAWAY_PORT;Username=postgres;Database=postgres"
      return 0
    fi
  done
  cat "$PG_THROWAWAY_DIR/server.log" >&2
  return 1
}

pg_throwaway_stop() {
  [[ -n "${PG_THROWAWAY_DIR:-}" && -d "$PG_THROWAWAY_DIR/data" ]] || return 0
  pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_THROWAWAY_DIR"
}

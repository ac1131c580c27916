# Sourced by ops/backup.sh and ops/restore.sh: the database connection as the service names it
# (HELPLINE_DB_URL, HELPLINE_DB_USER, HELPLINE_DB_PASSWORD), handed to the PostgreSQL client
# programs as libpq's environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD), so that no
# password appears on a command line.

# Takes only the HELPLINE_DB_* lines (and where the key folder is, to stay out of it) of an
# environment file (systemd's EnvironmentFile format), never the rest: the file may hold
# HELPLINE_PSEUDONYM_KEY_<year>, which must not travel.
read_db_env_file() {
  local file="$1" line name value
  [ -r "$file" ] || { echo "cannot read environment file $file" >&2; exit 2; }
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#export }"
    case "$line" in
      HELPLINE_DB_URL=*|HELPLINE_DB_USER=*|HELPLINE_DB_PASSWORD=*|HELPLINE_PRIVACY_KEY_FOLDER=*) ;;
      *) continue ;;
    esac
    name="${line%%=*}"
    value="${line#*=}"
    if [[ "$value" == \"*\" || "$value" == \'*\' ]]; then
      value="${value:1:${#value}-2}"
    fi
    export "$name=$value"
  done <"$file"
}

# jdbc:postgresql://host[:port]/database[?user=…&password=…&sslmode=…] into libpq's variables;
# libpq's own variables stay as they are when HELPLINE_DB_URL is not set.
connect_from_helpline_env() {
  local url="${HELPLINE_DB_URL:-}" rest hostport query param
  if [ -n "$url" ]; then
    rest="${url#jdbc:}"
    rest="${rest#postgresql:}"
    case "$rest" in
      //*) ;;
      *) echo "HELPLINE_DB_URL is not jdbc:postgresql://host[:port]/database" >&2; exit 2 ;;
    esac
    rest="${rest#//}"
    query=""
    if [[ "$rest" == *\?* ]]; then
      query="${rest#*\?}"
      rest="${rest%%\?*}"
    fi
    hostport="${rest%%/*}"
    export PGDATABASE="${rest#*/}"
    [ "$PGDATABASE" != "$rest" ] && [ -n "$PGDATABASE" ] || { echo "HELPLINE_DB_URL names no database" >&2; exit 2; }
    if [[ "$hostport" == *:* ]]; then
      export PGHOST="${hostport%:*}" PGPORT="${hostport##*:}"
    else
      export PGHOST="${hostport:-localhost}"
      unset PGPORT
    fi
    local IFS='&'
    for param in $query; do
      case "$param" in
        user=*) export PGUSER="${param#user=}" ;;
        password=*) export PGPASSWORD="${param#password=}" ;;
        sslmode=*) export PGSSLMODE="${param#sslmode=}" ;;
      esac
    done
  fi
  if [ -n "${HELPLINE_DB_USER:-}" ]; then export PGUSER="$HELPLINE_DB_USER"; fi
  if [ -n "${HELPLINE_DB_PASSWORD:-}" ]; then export PGPASSWORD="$HELPLINE_DB_PASSWORD"; fi
  # A client that cannot reach the server fails within seconds, rather than hangs a cron job.
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
}

# A PostgreSQL client program: from PG_BIN when set, else from PATH.
pg_program() {
  local program="$1"
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/$program" ] || { echo "no $program in PG_BIN=$PG_BIN" >&2; exit 2; }
    echo "$PG_BIN/$program"
  else
    command -v "$program" >/dev/null || { echo "no $program on PATH: install Debian's postgresql-client (or set PG_BIN)" >&2; exit 2; }
    command -v "$program"
  fi
}

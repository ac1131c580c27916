#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an EMPTY PostgreSQL database, all or nothing
# (one transaction, stopped at the first error). Runbook: ops/runbook-backup.md.
#
#   ops/restore.sh FILE [--env-file FILE] [--force] [--with-privileges]
#
# The target database must exist and hold no tables (as ops/install/install.sh leaves it); one that
# has tables is refused, since restoring over a live database mixes two histories. --force
# drops and recreates what the backup holds instead (--clean --if-exists); tables the backup
# does not know stay.
# Objects are owned by the user who restores (--no-owner): restore as the service's database
# user (HELPLINE_DB_USER, --env-file /etc/helpline/helpline.env), into the database and schema
# ops/install/install.sh made for it; a schema that exists already is used as it is. Roles
# and grants are the installer's, so the backup's grants are left out (--no-privileges);
# --with-privileges restores them too (their roles must exist here).
# The backup holds the schema history (databasechangelog), so the service starts on the
# restored database as usual and Liquibase applies only migrations newer than the backup.
# The live tables (waiting_caller, counsellor_call) come back empty, as after a crash.
# The pseudonym keys are not in a backup and are not restored: the service reads them from
# its key folder as always (see the runbook for what a destroyed key means for old backups).
#
# Connection as for ops/backup.sh: HELPLINE_DB_URL, HELPLINE_DB_USER, HELPLINE_DB_PASSWORD,
# else PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD; PG_BIN for the client programs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/pg-connection.sh"

file=""
force=false
privileges=(--no-privileges)
while [ $# -gt 0 ]; do
  case "$1" in
    --env-file) read_db_env_file "$2"; shift 2 ;;
    --force) force=true; shift ;;
    --with-privileges) privileges=(); shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "restore: unknown argument $1 (see --help)" >&2; exit 2 ;;
    *) [ -z "$file" ] || { echo "restore: one backup file only" >&2; exit 2; }; file="$1"; shift ;;
  esac
done
[ -n "$file" ] || { echo "usage: ops/restore.sh FILE [--env-file FILE] [--force] [--with-privileges]" >&2; exit 2; }
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 2; }
connect_from_helpline_env
[ -n "${PGDATABASE:-}" ] || { echo "restore: name the target database (HELPLINE_DB_URL or PGDATABASE)" >&2; exit 2; }
pg_restore="$(pg_program pg_restore)"
psql="$(pg_program psql)"

listing="$(mktemp)"
trap 'rm -f "$listing"' EXIT
"$pg_restore" --list "$file" >"$listing" \
  || { echo "restore: $file is not a backup pg_restore can read" >&2; exit 1; }

query() { "$psql" -X -At -v ON_ERROR_STOP=1 -c "$1"; }
tables="$(query "
  select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%'")"
clean=()
if [ "$tables" -gt 0 ]; then
  if ! $force; then
    echo "restore: database $PGDATABASE on ${PGHOST:-localhost} is not empty ($tables tables, views or sequences); restore into a new empty database, or use --force to replace what the backup holds" >&2
    exit 2
  fi
  clean=(--clean --if-exists)
fi

# The installer makes the service's schema (empty, owned by the service's user) before the
# service first starts; a schema that exists here already is used, not created again.
while IFS= read -r schema; do
  [[ "$schema" =~ ^[a-z_][a-z0-9_]*$ ]] || continue
  sed -i -E "/^[0-9]+; [0-9]+ [0-9]+ SCHEMA - ${schema} /d" "$listing"
done < <(query "select nspname from pg_namespace
  where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\_%'")

"$pg_restore" --no-owner --exit-on-error --single-transaction "${clean[@]}" "${privileges[@]}" \
  --use-list="$listing" --dbname="$PGDATABASE" "$file"
# pg_restore restores no planner statistics; the reports' queries need them.
"$psql" -X -q -v ON_ERROR_STOP=1 -c 'analyze'
history="$(query "select format('%I.%I', n.nspname, c.relname) from pg_class c
  join pg_namespace n on n.oid = c.relnamespace where c.relname = 'databasechangelog' limit 1")"
echo "restored $file into $PGDATABASE; last migration: $(query \
  "select id from ${history:-databasechangelog} order by orderexecuted desc limit 1")"

#!/usr/bin/env bash
# Backs up the service's PostgreSQL database into one file (pg_dump's custom format), named
# with the date and time in UTC, readable only by whoever ran it (mode 600). Runbook:
# ops/runbook-backup.md.
#
#   ops/backup.sh [--dir DIR] [--env-file FILE] [--key-folder DIR] [--verify]
#
# What it never backs up, and why:
# - The pseudonym key folder (helpline.privacy.key-folder, HELPLINE_PRIVACY_KEY_FOLDER) and the
#   environment file that may hold HELPLINE_PSEUDONYM_KEY_<year>. Destroying last year's key in
#   January is what makes last year's pseudonyms anonymous for good; a copy of that key in a
#   backup survives the destruction, and whoever restores it can tie every pseudonym of that
#   year back to a phone number by trying the small space of numbers. Keys never enter the
#   database, so a dump of the database holds none. This script dumps the database only, and
#   refuses to write into the key folder (or any folder that holds a pseudonym-*.key file).
# - The rows of the UNLOGGED live tables waiting_caller and counsellor_call
#   (--no-unlogged-table-data): exact times of the calls in progress, of no use in a restore.
#   Their definitions are kept, so a restored database has them, empty.
#
# Connection: HELPLINE_DB_URL (jdbc:postgresql://host:port/database, as the service reads it),
# HELPLINE_DB_USER and HELPLINE_DB_PASSWORD, else libpq's own PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD or ~/.pgpass. --env-file reads only the HELPLINE_DB_* and HELPLINE_PRIVACY_KEY_FOLDER
# lines of the service's environment file (never its keys). pg_dump must be at least the
# server's major version (PG_BIN names a folder of PostgreSQL client programs, else PATH).
#
# The key folder to stay out of: --key-folder, else HELPLINE_PRIVACY_KEY_FOLDER (also read from
# --env-file), else ./data/keys.
# The folder defaults to $HELPLINE_BACKUP_DIR, else ./backups. Exits non-zero on any failure,
# leaving no partial file behind. --verify reads the written file back (pg_restore --list) and
# checks it holds the schema history and no rows of the live tables.
set -euo pipefail
umask 077
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/pg-connection.sh"

dir="${HELPLINE_BACKUP_DIR:-./backups}"
key_folder=""
verify=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --env-file) read_db_env_file "$2"; shift 2 ;;
    --key-folder) key_folder="$2"; shift 2 ;;
    --verify) verify=true; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "backup: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
connect_from_helpline_env
key_folder="${key_folder:-${HELPLINE_PRIVACY_KEY_FOLDER:-./data/keys}}"
pg_dump="$(pg_program pg_dump)"
pg_restore="$(pg_program pg_restore)"

real_dir="$(realpath -m "$dir")"
real_keys="$(realpath -m "$key_folder")"
case "$real_dir/" in
  "$real_keys"/*)
    echo "backup: refusing to write into the pseudonym key folder ($real_keys): a key in a backup outlives its destruction" >&2
    exit 2 ;;
esac
if compgen -G "$real_dir/pseudonym-*.key" >/dev/null; then
  echo "backup: refusing to write into $real_dir: it holds pseudonym-*.key files (a key folder)" >&2
  exit 2
fi

mkdir -p "$real_dir"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
file="$real_dir/helpline-$stamp.dump"
[ -e "$file" ] && { echo "backup: $file exists already" >&2; exit 1; }
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

"$pg_dump" --format=custom --no-owner --no-unlogged-table-data --file="$partial"
chmod 600 "$partial"

if $verify; then
  listing="$("$pg_restore" --list "$partial")"
  grep -Eq 'TABLE DATA [^ ]+ databasechangelog ' <<<"$listing" \
    || { echo "backup: verify failed: no schema history (databasechangelog) in the dump" >&2; exit 1; }
  if grep -Eq 'TABLE DATA [^ ]+ (waiting_caller|counsellor_call) ' <<<"$listing"; then
    echo "backup: verify failed: the dump holds rows of a live table" >&2; exit 1
  fi
fi

mv "$partial" "$file"
trap - EXIT
echo "$file"

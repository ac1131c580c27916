#!/usr/bin/env bash
# The form the service starts from (ops/runbook-install.md, "Start-up"): the jar as built,
# extracted into a folder (Spring Boot's extracted layout: FOLDER/helpline.jar + FOLDER/lib/),
# and a JDK AOT cache FOLDER/helpline.aot of the classes the service loads and links while it
# starts, made by one training run. Started with
#   java -XX:AOTCache=FOLDER/helpline.aot -jar FOLDER/helpline.jar
# the service starts with less than half the CPU time (BENCHMARKS.md, "Start-up").
#
#   ops/install/layout.sh JAR FOLDER [USER]     # FOLDER must not exist yet
#
# The training run starts the service as USER (default: whoever runs this) in a scratch folder,
# on the embedded database, with none of the service's settings (no secret, no key, no caller's
# data), and ends once Spring has made every bean (spring.context.exit=onRefresh): before
# FastAGI, the AMI connection, HTTP or the routing start, so it takes no call and binds no port
# beside a running service. Classes only the production settings load (PostgreSQL's driver)
# are not in the cache and load as before.
#
# A cache fits one jar and one JDK build only: made again for every new jar (install.sh does
# it on every install) and after every JDK update. A cache that does not fit is ignored (the
# JVM logs "[error][aot] ... Unable to map shared spaces") and the service starts without it.
# The cache stays valid when FOLDER is renamed as a whole (the JDK checks each jar's size and
# time, and the classpath relative to where it lies): install.sh trains FOLDER.new beside the
# running service, then renames it.
#
# Environment: JAVA (default: java on PATH), LAYOUT_TRAINING_TIMEOUT (default 10m).
set -euo pipefail

[[ $# -ge 2 && $# -le 3 ]] || { echo "usage: $0 JAR FOLDER [USER]" >&2; exit 2; }
jar="$(realpath "$1")"
folder="$2"
user="${3:-}"
java="$(command -v "${JAVA:-java}")"

log() { printf 'layout.sh: %s\n' "$*" >&2; }

[[ ! -e "$folder" ]] || { log "$folder exists already"; exit 1; }
mkdir -p "$folder"
folder="$(realpath "$folder")"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$folder" --application-filename helpline.jar >/dev/null
chmod -R u=rwX,go=rX "$folder"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
chmod 0755 "$scratch"
as=()
if [[ -n "$user" ]]; then
  chown "$user" "$scratch"
  as=(runuser -u "$user" --)
fi
started=$(date +%s)
# env -i: nothing of the caller's environment (install.sh has the secrets exported).
if (cd "$scratch" && "${as[@]}" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$scratch" \
  timeout "${LAYOUT_TRAINING_TIMEOUT:-10m}" "$java" -XX:AOTCacheOutput="$scratch/helpline.aot" \
  -Dspring.context.exit=onRefresh -jar "$folder/helpline.jar" >"$scratch/training.log" 2>&1) \
  && [[ -s "$scratch/helpline.aot" ]]; then
  install -m 0644 "$scratch/helpline.aot" "$folder/helpline.aot"
  log "AOT cache $folder/helpline.aot: $(stat -c %s "$folder/helpline.aot") bytes, training run $(($(date +%s) - started)) s"
else
  # Not fatal: without the cache the service starts as it did before, only slower.
  grep -v '\[aot\]' "$scratch/training.log" | tail -n 30 >&2 || true
  log "WARNING: the training run failed (above); $folder has no AOT cache: the service starts slower"
fi

#!/usr/bin/env bash
# Start-up time of the service (issue 15): starts the built jar on the embedded H2 (a file kept in
# target/bench/startup, so every start after the first is a restart), without AMI, on ports of its
# own (HTTP 18190, FastAGI 14573), and prints the time until FastAGI accepts a connection and
# Spring's own "Started ... in" line. Extra arguments go to the JVM, e.g.
#
#   ops/benchmark-startup.sh                                  # the jar as built
#   ops/benchmark-startup.sh -XX:AOTCache=target/bench/startup/app.aot   # with a JDK 25 AOT cache
#
# With BENCH_JAR=<path> another jar (e.g. the layout of `java -Djarmode=tools -jar ... extract`).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
source ops/java-home.sh
WORK="$REPO/target/bench/startup"
mkdir -p "$WORK"
jar="${BENCH_JAR:-$(ls target/helpline-*.jar | grep -v original | head -1)}"
out="$WORK/service-$(date -u +%H%M%S).log"
t0=$(date +%s%N)
java "$@" -jar "$jar" --server.port=18190 --server.address=127.0.0.1 --helpline.agi.port=14573 \
  --helpline.data-folder="$WORK/data" --helpline.privacy.key-folder="$WORK/keys" --helpline.ami.enabled=false \
  --helpline.security.accept-local-defaults=true >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
agi=""
for _ in $(seq 1 2400); do
  kill -0 "$pid" 2>/dev/null || { tail -20 "$out" >&2; exit 1; }
  if [[ -z "$agi" ]] && (exec 3<>/dev/tcp/127.0.0.1/14573) 2>/dev/null; then
    agi=$((($(date +%s%N) - t0) / 1000000))
  fi
  [[ -n "$agi" ]] && grep -q "Started HelplineApplication" "$out" && break
  sleep 0.05
done
echo "FastAGI accepts after ${agi:-?} ms; $(grep -o 'Started HelplineApplication in [0-9.]* seconds (process running for [0-9.]*)' "$out" || echo 'not started'); load $(cut -d' ' -f1 /proc/loadavg)"

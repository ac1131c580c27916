#!/usr/bin/env bash
# Start-up time of the service (issue 15): starts the built jar on the embedded H2 (a file kept in
# target/bench/startup, so every start after the first is a restart), without AMI, on ports of its
# own (HTTP 18190, FastAGI 14573), and prints the time until FastAGI accepts a connection and
# Spring's own "Started ... in" line. The JVM options are helpline.service's; extra arguments go
# to the JVM too.
#
#   ops/benchmark-startup.sh fat                 # the jar as built, as the unit started it before
#   ops/benchmark-startup.sh layout              # as helpline.service starts it: the extracted
#                                                # jar with its AOT cache (ops/install/layout.sh,
#                                                # made once per jar, as install.sh does)
#   ops/benchmark-startup.sh layout -Xlog:startuptime   # e.g. where the time goes
#
# The service's log of each run stays in target/bench/startup/service-HHMMSS.log.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
source ops/java-home.sh
mode="${1:-fat}"
shift || true
WORK="$REPO/target/bench/startup"
mkdir -p "$WORK"
jar="$(ls target/helpline-*.jar | grep -v original | head -1)"
unit_options=(-XX:+ExitOnOutOfMemoryError)
case "$mode" in
  fat) start=("${unit_options[@]}" "$@" -jar "$jar") ;;
  layout)
    app="$WORK/app"
    source="$(sha256sum <"$jar" | cut -d' ' -f1) $(java -Xinternalversion)"
    if [[ "$(cat "$app/source" 2>/dev/null)" != "$source" ]]; then
      rm -rf "$app"
      JAVA="$JAVA_HOME/bin/java" ops/install/layout.sh "$jar" "$app"
      printf '%s' "$source" >"$app/source"
    fi
    start=("${unit_options[@]}" -XX:AOTCache="$app/helpline.aot" "$@" -jar "$app/helpline.jar")
    ;;
  *) echo "usage: $0 fat|layout [JVM options]" >&2; exit 2 ;;
esac
out="$WORK/service-$(date -u +%H%M%S).log"
t0=$(date +%s%N)
java "${start[@]}" --server.port=18190 --server.address=127.0.0.1 --helpline.agi.port=14573 \
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
# CPU time the JVM used until then (all threads): the start's cost apart from the machine's load.
cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")"
aot="$(grep -c '\[aot\]' "$out" || true)"
echo "$mode: FastAGI accepts after ${agi:-?} ms; $(grep -o 'Started HelplineApplication in [0-9.]* seconds (process running for [0-9.]*)' "$out" || echo 'not started'); CPU ${cpu} s; [aot] lines: $aot; load $(cut -d' ' -f1 /proc/loadavg)"
# Where the time went, from the log's own timestamps: the JVM until Spring starts (process time
# minus Spring's), Spring's set-up until Tomcat is made, the beans until the connection pool
# starts, the pool's first connection and Liquibase (on an up-to-date database: its checks
# only), every other bean (JPA, security, MVC, the call path), then Tomcat's and FastAGI's start.
awk '
  function at(l) { return substr(l, 12, 2) * 3600 + substr(l, 15, 2) * 60 + substr(l, 18, 6) }
  function mark(name, l) { if (!(name in t)) t[name] = at(l) }
  /^20/ && /Starting HelplineApplication/ { mark("spring", $0) }
  /^20/ && /Tomcat initialized/ { mark("tomcat", $0) }
  /^20/ && /HikariPool-1 - Starting/ { mark("pool", $0) }
  /^20/ && /liquibase.*Command execution complete/ { mark("liquibase", $0) }
  /^20/ && /Exposing [0-9]+ endpoints/ { mark("beans", $0) }
  /^20/ && /FastAGI listening/ { mark("fastagi", $0) }
  match($0, /Started HelplineApplication in [0-9.]+ seconds \(process running for [0-9.]+/) {
    split(substr($0, RSTART, RLENGTH), w, " "); jvm = w[9] - w[4]
  }
  END {
    if (!("fastagi" in t) || !("beans" in t)) exit
    printf "  phases: JVM %.2f s, Spring set-up and Tomcat %.2f s, beans before the pool %.2f s, pool and Liquibase %.2f s, other beans %.2f s, HTTP and FastAGI start %.2f s\n",
      jvm, t["tomcat"] - t["spring"], t["pool"] - t["tomcat"], t["liquibase"] - t["pool"], t["beans"] - t["liquibase"], t["fastagi"] - t["beans"]
  }' "$out"

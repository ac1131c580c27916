#!/usr/bin/env bash
# Side-by-side load run: the helpline's routing (FastAGI to this service) against Asterisk's own
# app_queue, on the same Asterisk sandbox, the same SIPp callers and counsellor phones, the same
# welcome prompt and caller-id stripping. At each rate both sides run one after the other, the
# first side alternating from rate to rate, so both see the same machine noise. Writes the table
# to target/bench/calls-<time>.md and into BENCHMARKS.md (between the benchmark-calls markers).
# Issue 15; the columns are explained in BENCHMARKS.md. Needs root (Asterisk's chroot) and the
# packages sip-tester, debootstrap, espeak-ng, sox and (for --db postgres) postgresql.
#
#   ops/benchmark-calls.sh [--rates "2 4 8"] [--seconds 30] [--talk-ms 1000] [--phones 40]
#                          [--no-answer 0] [--ring-timeout 25] [--warm-up 0] [--db postgres|h2]
#                          [--sides "ours queue"] [--no-benchmarks-md] [--jfr] [--jar PATH]
#
#   --rates    new calls per second, one run per rate and side      default "2 4 8"
#   --seconds  length of each run (calls = rate x seconds)          default 30
#   --talk-ms  how long each caller stays after Asterisk answered, before hanging up (the
#              welcome prompt is part of it)                   default the prompt + 2000
#              (with --no-answer, + the ring timeout + 2000 more)
#   --phones   counsellor phones (all answer at once); fewer than rate x (talk + set-up) makes
#              callers wait (the waiting path)                       default 40
#   --no-answer  more phones that ring and never answer (the ring-timeout path), rung first;
#              each is paused after its missed ring (ours by design, app_queue by autopause)
#              and resumed before every run                           default 0
#   --ring-timeout  seconds a phone rings on both sides (ours: the helpline's ring time,
#              app_queue: timeout; app_queue waits its retry, 1 s at least, before the next)
#                                                                    default 25
#   --warm-up  seconds of calls to the service at the first rate before the measured runs, not
#              counted (a JVM that has just started still compiles its hot code)   default 0
#   --db       the service's database: postgres (Debian's server, started here) or h2 (embedded)
#   --jfr      record the service with Java Flight Recorder (target/bench/<time>/service.jfr)
#   --jar      the service's jar (default target/helpline-*.jar, built when missing)
#
# Holds /tmp/helpline-e2e.lock (the end-to-end tests use the same ports) while it runs, unless
# HELPLINE_E2E_LOCK_HELD=1 says the caller holds it already (flock ... ops/benchmark-calls.sh). Stops
# everything it started (by pid), also on failure or Ctrl-C.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
source ops/java-home.sh

RATES="2 4 8"
SECONDS_PER_RUN=30
TALK_MS=""
PHONES=40
NO_ANSWER=0
RING_TIMEOUT=25
WARM_UP=0
DB=postgres
SIDES="ours queue"
UPDATE_MD=1
JFR=0
JAR=""
COMMAND="ops/benchmark-calls.sh$(printf " %q" "$@")"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rates) RATES="$2"; shift 2 ;;
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --talk-ms) TALK_MS="$2"; shift 2 ;;
    --phones) PHONES="$2"; shift 2 ;;
    --no-answer) NO_ANSWER="$2"; shift 2 ;;
    --ring-timeout) RING_TIMEOUT="$2"; shift 2 ;;
    --warm-up) WARM_UP="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --sides) SIDES="$2"; shift 2 ;;
    --no-benchmarks-md) UPDATE_MD=0; shift ;;
    --jfr) JFR=1; shift ;;
    --jar) JAR="$2"; shift 2 ;;
    *) sed -n '2,/^set -euo pipefail$/{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[[ "$DB" == postgres || "$DB" == h2 ]] || { echo "--db must be postgres or h2" >&2; exit 2; }
[[ "$(id -u)" -eq 0 ]] || { echo "must run as root (Asterisk's chroot)" >&2; exit 2; }

NUMBER=08002666436
HTTP_PORT=18090
API="http://127.0.0.1:$HTTP_PORT"
AUTH="operator:local-dev-only"
PHONE_PORT=5201
MISS_PORT=5202
CALLER_PORT=5070
PG_PORT=15433
BENCH="$REPO/ops/bench"
TABLE="java $REPO/src/test/java/org/helpline/e2e/bench/CallBenchmarkTable.java"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$REPO/target/bench/$STAMP"
PG_DIR="/tmp/helpline-bench-pg"
ROOT="${HELPLINE_ASTERISK_ROOT:-$HOME/.cache/helpline/asterisk-root}"
mkdir -p "$WORK"
pids=()
SERVICE_PID=""
PG_STARTED=0

log() { printf '%s benchmark-calls: %s\n' "$(date -u +%T)" "$*" >&2; }
api() { curl -fsS -u "$AUTH" -H 'Content-Type: application/json' "$@"; }

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  ops/asterisk.sh stop >/dev/null 2>&1 || true
  if ((PG_STARTED)); then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ "${HELPLINE_E2E_LOCK_HELD:-}" != 1 ]]; then
  exec 8>/tmp/helpline-e2e.lock
  log "waiting for /tmp/helpline-e2e.lock"
  flock 8
fi

jar="${JAR:-$(ls target/helpline-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
if [[ -z "$jar" ]]; then
  log "building the service"
  mvn -B -q -ntp package -DskipTests
  jar="$(ls target/helpline-*.jar | grep -v original | head -1)"
fi

datasource=()
if [[ "$DB" == postgres ]]; then
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR/socket"
  chown -R postgres "$PG_DIR"
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$PG_DIR/data" -U postgres -A trust >"$WORK/pg-initdb.log" 2>&1
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR/socket -c listen_addresses=127.0.0.1" start >"$WORK/pg-start.log" 2>&1
  PG_STARTED=1
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database helpline" >/dev/null
  datasource=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/helpline"
    --spring.datasource.username=postgres --spring.datasource.password=)
else
  datasource=("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH")
fi
records() {
  if [[ "$DB" == postgres ]]; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d helpline -tAc "select count(*) from contact_record"
  else
    echo "?"
  fi
}

ALL_PHONES=$((NO_ANSWER + PHONES))
log "starting Asterisk with the benchmark's additions (phones bench-1..$ALL_PHONES, $NO_ANSWER not answering, queue helpline-bench)"
extra="$WORK/asterisk"
mkdir -p "$extra"
cp "$BENCH/extensions-bench.conf" "$extra/extensions.conf"
{
  printf '\n; ---- Benchmark only (ops/benchmark-calls.sh): phones that one SIPp process answers ----\n'
  for n in $(seq 1 "$ALL_PHONES"); do
    port=$PHONE_PORT
    if ((n <= NO_ANSWER)); then port=$MISS_PORT; fi
    printf '[bench-%d](counsellor-aor)\ncontact = sip:bench-%d@127.0.0.1:%d\n' "$n" "$n" "$port"
    printf '[bench-%d](counsellor-endpoint)\naors = bench-%d\n' "$n" "$n"
  done
} >"$extra/pjsip.conf"
{
  printf '\n; ---- Benchmark only (ops/benchmark-calls.sh): the app_queue baseline ----\n'
  printf '[helpline-bench]\nstrategy = leastrecent\nringinuse = no\ntimeout = %d\nretry = 1\nwrapuptime = 0\n' "$RING_TIMEOUT"
  printf 'autopause = yes\nmusicclass = default\nannounce-frequency = 30\nannounce-position = no\n'
  for n in $(seq 1 "$ALL_PHONES"); do printf 'member => PJSIP/bench-%d\n' "$n"; done
} >"$extra/queues.conf"
HELPLINE_ASTERISK_EXTRA_CONFIG="$extra" ops/asterisk.sh start >/dev/null
[[ "$(ops/asterisk.sh cli "pjsip show endpoints")" == *" bench-$ALL_PHONES/"* ]] || { echo "the bench phones are not in Asterisk" >&2; exit 1; }
ast_pid="$(cat target/asterisk/asterisk.pid)"

log "starting the service ($DB)"
started_ns=$(date +%s%N)
jvm=()
((JFR)) && jvm=("-XX:StartFlightRecording=filename=$WORK/service.jfr,settings=profile,dumponexit=true")
java "${jvm[@]}" -jar "$jar" --server.port="$HTTP_PORT" --server.address=127.0.0.1 "${datasource[@]}" \
  --helpline.security.accept-local-defaults=true --helpline.ami.enabled=true \
  --helpline.data-folder="$WORK/data" --helpline.privacy.key-folder="$WORK/keys" \
  --helpline.prompts.audio-folder="$ROOT/usr/share/asterisk/sounds/helpline-live" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
pids+=("$SERVICE_PID")
for _ in $(seq 1 300); do
  curl -fs -u "$AUTH" "$API/actuator/health/asteriskManager" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; exit 1; }
  sleep 0.2
done
ready_s="$(awk -v a="$started_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
log "service ready (health with AMI up) ${ready_s} s after start"

id=""
for _ in $(seq 1 50); do
  id="$(api "$API/api/helplines" 2>/dev/null | grep -oE '"id":[0-9]+,"name":"[^"]*","numbers":\["'"$NUMBER"'"' \
    | sed -E 's/"id":([0-9]+).*/\1/' || true)"
  [[ -n "$id" ]] && break
  sleep 0.2
done
[[ -n "$id" ]] || { echo "no example helpline on $NUMBER" >&2; exit 1; }
hours=""
for day in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
  hours+="${hours:+,}{\"day\":\"$day\",\"start\":\"00:00\",\"end\":\"00:00\"}"
done
api -X PUT "$API/api/helplines/$id/opening-hours" -d "[$hours]" >/dev/null
api -X PUT "$API/api/helplines/$id/holiday-policy" -d '{"closedTypes":[],"alsoClosed":[],"stayOpen":[]}' >/dev/null
api -X PUT "$API/api/helplines/$id/routing" \
  -d "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":0,\"ringTimeoutSeconds\":$RING_TIMEOUT}" >/dev/null
api -X PUT "$API/api/helplines/$id/menu" -d '{"welcome":"welcome","skipPromptOnKey":true}' >/dev/null
# Only the benchmark's phones take calls: the example counsellors stay signed out.
# Signed in in order, so the phones that do not answer (bench-1..) are the longest idle.
missing=()
for n in $(seq 1 "$ALL_PHONES"); do
  cid="$(api -X POST "$API/api/counsellors" -d "{\"displayName\":\"Bench $n\",\"endpoint\":\"bench-$n\"}" \
    | sed -E 's/.*"id":([0-9]+).*/\1/')"
  api -X POST "$API/api/counsellors/$cid/sign-in" >/dev/null
  if ((n <= NO_ANSWER)); then missing+=("$cid"); fi
done
# resume_missing SIDE: the phones paused after a missed ring take calls again
resume_missing() {
  local n cid
  if [[ "$1" == ours ]]; then
    for cid in "${missing[@]}"; do api -X POST "$API/api/counsellors/$cid/resume" >/dev/null 2>&1 || true; done
  else
    for n in $(seq 1 "$NO_ANSWER"); do
      ops/asterisk.sh cli "queue unpause member PJSIP/bench-$n queue helpline-bench" >/dev/null 2>&1 || true
    done
  fi
}
prompt_s="$(soxi -D "$ROOT/usr/share/asterisk/sounds/helpline/nl/welcome.wav" 2>/dev/null || echo 0)"
log "welcome prompt: $prompt_s s (taken out of the set-up times)"
# A caller whose first ring is missed stays until the next phone has answered.
[[ -n "$TALK_MS" ]] || TALK_MS="$(awk -v p="$prompt_s" -v m="$NO_ANSWER" -v r="$RING_TIMEOUT" \
  'BEGIN { printf "%d", p * 1000 + 2000 + (m > 0 ? r * 1000 + 2000 : 0) }')"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"

# one_run SIDE RATE: one SIPp caller run; prints the table row
one_run() {
  local side="$1" rate="$2" prefix calls out="$WORK/$1-$2" before_ast before_jvm t0 t1 load rec0 rec1 phones_pid miss_pid
  [[ "$side" == ours ]] && prefix=b || prefix=q
  calls=$((rate * SECONDS_PER_RUN))
  sipp -sf "$BENCH/bench-phones.xml" -i 127.0.0.1 -p "$PHONE_PORT" -nostdin -trace_logs \
    -log_file "$out-phones.log" >"$out-phones.out" 2>&1 &
  phones_pid=$!
  pids+=("$phones_pid")
  miss_pid=""
  : >"$out-missed.log"
  if ((NO_ANSWER > 0)); then
    resume_missing "$side"
    sipp -sf "$BENCH/bench-phones-no-answer.xml" -i 127.0.0.1 -p "$MISS_PORT" -nostdin -trace_logs \
      -log_file "$out-missed.log" >"$out-missed.out" 2>&1 &
    miss_pid=$!
    pids+=("$miss_pid")
  fi
  sleep 0.5
  rec0="$(records)"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  before_ast="$(cpu_ticks "$ast_pid")"
  before_jvm="$(cpu_ticks "$SERVICE_PID")"
  t0="$(date +%s%N)"
  sipp -sf "$BENCH/bench-caller.xml" -s "$prefix$NUMBER" -i 127.0.0.1 -p "$CALLER_PORT" -r "$rate" -m "$calls" \
    -d "$TALK_MS" -nostdin -timeout "$((SECONDS_PER_RUN + 120))s" -trace_logs -log_file "$out-callers.log" \
    127.0.0.1:5060 >"$out-callers.out" 2>&1 || true
  t1="$(date +%s%N)"
  sleep 2 # records written after the last hang-up
  local ast_pct jvm_pct
  ast_pct="$(awk -v a="$before_ast" -v b="$(cpu_ticks "$ast_pid")" -v hz="$hz" -v t="$((t1 - t0))" 'BEGIN { printf "%.0f %%", (b - a) / hz / (t / 1e9) * 100 }')"
  jvm_pct="$(awk -v a="$before_jvm" -v b="$(cpu_ticks "$SERVICE_PID")" -v hz="$hz" -v t="$((t1 - t0))" 'BEGIN { printf "%.0f %%", (b - a) / hz / (t / 1e9) * 100 }')"
  # SIPp writes its log when it quits (USR1: quit once the calls in progress are done), not when killed
  local phone_pid
  for phone_pid in $phones_pid $miss_pid; do
    kill -USR1 "$phone_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$phone_pid" 2>/dev/null || break; sleep 0.2; done
    kill "$phone_pid" 2>/dev/null || true
    wait "$phone_pid" 2>/dev/null || true
  done
  cat "$out-phones.log" "$out-missed.log" >"$out-rings.log"
  local decision="–" records_cell="–"
  if [[ "$side" == ours ]]; then
    rec1="$(records)"
    if [[ "$DB" == postgres ]]; then
      psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d helpline -tAc \
        "select outcome, count(*) from contact_record group by outcome order by 1" >"$out-outcomes.txt" || true
    fi
    [[ "$rec0" == "?" ]] && records_cell="?" || records_cell="$((rec1 - rec0))"
    decision="$(curl -fsS -u "$AUTH" "$API/actuator/prometheus" \
      | awk '/^helpline_routing_decision_seconds\{.*quantile="0.99"/ && !done { printf "%.1f", $2 * 1000; done = 1 }' || true)"
    jvm_cell="$jvm_pct"
  else
    jvm_cell="($jvm_pct)"
  fi
  $TABLE row "$([[ $side == ours ]] && echo helpline || echo app_queue)" "$rate" "$prompt_s" "$RING_TIMEOUT" \
    "$out-callers.log" "$out-rings.log" "$records_cell" "$ast_pct" "$jvm_cell" "$load" "${decision:-–}"
}

result="$WORK/table.md"
{
  echo "Run $STAMP: \`$COMMAND\` ($DB; $PHONES phones$( ((NO_ANSWER > 0)) && echo " and $NO_ANSWER that do not answer"); ring timeout ${RING_TIMEOUT} s; ${TALK_MS} ms talk; ${SECONDS_PER_RUN} s per run;"
  echo "$(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);"
  echo "$(java -version 2>&1 | head -1); $(ops/asterisk.sh cli 'core show version' | awk '{ print $1, $2 }'); $(sipp -v 2>&1 | grep -oE 'v[0-9.]+' | head -1 | sed 's/^/SIPp /');"
  echo "service ready ${ready_s} s after start$( ((WARM_UP > 0)) && echo ", warmed up with $WARM_UP s of calls"); welcome prompt ${prompt_s} s taken out of set-up)"
  echo
  $TABLE header
} >"$result"
if ((WARM_UP > 0)); then
  warm_rate="${RATES%% *}"
  log "warming the service up: $warm_rate calls/s for $WARM_UP s (not counted)"
  saved="$SECONDS_PER_RUN"
  SECONDS_PER_RUN="$WARM_UP"
  one_run ours "$warm_rate" >/dev/null
  SECONDS_PER_RUN="$saved"
  mkdir -p "$WORK/warm-up" && mv "$WORK"/ours-"$warm_rate"-* "$WORK/warm-up/"
fi
first=0
for rate in $RATES; do
  order="$SIDES"
  if ((first % 2 == 1)); then order="$(echo "$SIDES" | awk '{ for (i = NF; i > 0; i--) printf "%s%s", $i, (i > 1 ? " " : "") }')"; fi
  first=$((first + 1))
  for side in $order; do
    log "$side at $rate calls/s for $SECONDS_PER_RUN s"
    one_run "$side" "$rate" | tee -a "$result" >&2
  done
done
cat "$result"

if ((UPDATE_MD)); then
  begin='<!-- benchmark-calls:begin -->'
  end='<!-- benchmark-calls:end -->'
  if grep -qF "$begin" BENCHMARKS.md; then
    awk -v b="$begin" -v e="$end" -v f="$result" '
      $0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
      $0 == e { skip = 0 }
      !skip' BENCHMARKS.md >"$WORK/BENCHMARKS.md" && cp "$WORK/BENCHMARKS.md" BENCHMARKS.md
    log "table written into BENCHMARKS.md"
  fi
fi

#!/usr/bin/env bash
# The helpline on one machine, without a phone: a real Asterisk, this service (with the
# example line and counsellors of a first start), two SIPp counsellor phones and a stream of
# SIPp callers. Prints what happened, then stops everything it started (by pid), also on
# failure or Ctrl-C. Needs root (see ops/README-asterisk.md) and the packages sip-tester
# debootstrap espeak-ng sox.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
source ops/java-home.sh

HTTP_PORT="${DEMO_HTTP_PORT:-18080}"
API="http://127.0.0.1:$HTTP_PORT"
AUTH="operator:local-dev-only"
WORK="$REPO/target/demo"
SCENARIOS="$REPO/src/test/resources/sipp"
NUMBER=08002666436
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  ops/asterisk.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

say() { printf '\n== %s\n' "$*"; }
api() { curl -fsS -u "$AUTH" -H 'Content-Type: application/json' "$@"; }

mkdir -p "$WORK"
say "Building the service"
mvn -B -q -ntp package -DskipTests
jar="$(ls target/helpline-*.jar | grep -v original | head -1)"

say "Starting Asterisk"
ops/asterisk.sh start

say "Starting the service (embedded database in memory, API on $API)"
java -jar "$jar" --server.port="$HTTP_PORT" \
  --helpline.prompts.audio-folder="${HELPLINE_ASTERISK_ROOT:-$HOME/.cache/helpline/asterisk-root}/usr/share/asterisk/sounds/helpline-live" \
  --spring.datasource.url="jdbc:h2:mem:demo;MODE=PostgreSQL;DB_CLOSE_DELAY=-1" \
  > "$WORK/service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fs "$API/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$API/actuator/health" >/dev/null || { tail -20 "$WORK/service.log"; exit 1; }

# A first start makes the example line and its two counsellors (README, "Run it"); the demo uses
# them. Health answers before the start is complete (the first administrator and the example are
# made just after): wait for the line itself.
id=""
for _ in $(seq 1 30); do
  id="$(curl -fs -u "$AUTH" "$API/api/helplines" 2>/dev/null \
    | grep -oE '"id":[0-9]+,"name":"[^"]*","numbers":\["'"$NUMBER"'"' | sed -E 's/"id":([0-9]+).*/\1/' || true)"
  [ -n "$id" ] && break
  sleep 1
done
[ -n "$id" ] || { echo "No example helpline on $NUMBER: was helpline.demo.seed switched off?"; exit 1; }
say "The example line of a first start, $NUMBER (Mon-Fri 09:00-17:00, Dutch holidays closed)"
for at in 2027-01-05T10:00 2027-01-05T20:00 2027-04-27T10:00; do
  printf '  a call at %s: %s\n' "$at" \
    "$(api "$API/api/preview?number=$NUMBER&at=$at" | sed -E 's/.*"action":"([a-z]+)".*/\1/')"
done

say "For the demo the line opens around the clock, also on holidays, with no wrap-up time"
hours=""
for day in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
  hours+="${hours:+,}{\"day\":\"$day\",\"start\":\"00:00\",\"end\":\"00:00\"}"
done
api -X PUT "$API/api/helplines/$id/opening-hours" -d "[$hours]" >/dev/null
api -X PUT "$API/api/helplines/$id/holiday-policy" -d '{"closedTypes":[],"alsoClosed":[],"stayOpen":[]}' >/dev/null
api -X PUT "$API/api/helplines/$id/routing" -d '{"strategy":"LONGEST_IDLE","wrapUpSeconds":0}' >/dev/null

say "The default menu: a caller who presses 2 hears this and is queued as partner/family"
api "$API/api/preview?number=$NUMBER&keys=2" | sed -E 's/.*"transcript":"([^"]*)".*/  the caller hears: \1/'
# The demo's callers press no keys: a welcome-only menu queues them at once.
api -X PUT "$API/api/helplines/$id/menu" -d '{"welcome":"welcome","skipPromptOnKey":true}' >/dev/null
for endpoint in counsellor-1 counsellor-2; do
  cid="$(api "$API/api/counsellors" | grep -oE '"id":[0-9]+,"displayName":"[^"]*","endpoint":"'"$endpoint"'"' \
    | sed -E 's/"id":([0-9]+).*/\1/' || true)"
  [ -n "$cid" ] || { echo "No example counsellor on $endpoint"; exit 1; }
  api -X POST "$API/api/counsellors/$cid/sign-in" >/dev/null
done

say "Two counsellors' phones answer on 127.0.0.1:5081 and :5082; 4 callers call, one per second"
echo "(two are connected at once; the other two hear music and their place until a counsellor is free)"
for n in 1 2; do
  sipp -sf "$SCENARIOS/counsellor-answer.xml" -i 127.0.0.1 -p "508$n" -m 2 -nostdin -timeout 90s \
    -timeout_error -trace_msg -message_file "$WORK/counsellor-$n-messages.log" > "$WORK/counsellor-$n.out" 2>&1 &
  pids+=($!)
done
sleep 0.5
sipp -sf "$SCENARIOS/caller-hangs-up.xml" -s "$NUMBER" -i 127.0.0.1 -p 5070 -m 4 -r 1 -d 25000 -nostdin \
  -timeout 90s -timeout_error -set caller 0612345678 127.0.0.1:5060 > "$WORK/callers-open.out" 2>&1 \
  && echo "4 of 4 callers were connected to a counsellor" || echo "some open calls failed: see $WORK/callers-open.out"
api "$API/api/routing/board" | sed -E 's/^/  live board: /'
echo

say "The operator closes the line today (closure day); 2 callers now hear the closed message"
today="$(TZ=Europe/Amsterdam date +%F)"
api -X POST "$API/api/helplines/$id/closures" \
  -d "{\"firstDay\":\"$today\",\"lastDay\":\"$today\",\"reason\":\"Demo closure\"}" >/dev/null
api "$API/api/preview?number=$NUMBER" | sed -E 's/.*"transcript":"([^"]*)".*/  the caller hears: \1/'
echo
sipp -sf "$SCENARIOS/caller.xml" -s "$NUMBER" -i 127.0.0.1 -p 5071 -m 2 -r 2 -nostdin -timeout 120s \
  -timeout_error -set caller +31612345678 -set mport 41000 127.0.0.1:5060 > "$WORK/callers-closed.out" 2>&1 \
  && echo "2 of 2 callers heard the closed message and were hung up by Asterisk" \
  || echo "some closed calls failed: see $WORK/callers-closed.out"

say "What the service counted (/actuator/prometheus)"
curl -fsS -u "$AUTH" "$API/actuator/prometheus" | grep -E '^helpline_(calls_total|routing_answer_time_seconds_count)' || true
say "The year's figures so far (/api/reports, published: small cells show as <5)"
api "$API/api/reports/$(TZ=Europe/Amsterdam date +%Y)?helpline=$id&published=true" \
  | sed -E 's/.*"summary":\{"nl":"([^"]*)","en":"([^"]*)".*/  \1\n  \2/'
echo
if grep -rq 612345678 "$WORK"/counsellor-*-messages.log "$WORK/service.log"; then
  echo "PRIVACY: the caller's number reached the counsellor's phone or the service log"
  exit 1
fi
echo "The caller's number reached neither the counsellor's phone nor the service log."
echo "Logs: $WORK"

#!/usr/bin/env bash
# Runs a real Asterisk 22 for development and end-to-end tests, without Docker:
# a Debian sid root folder (debootstrap, cached) entered with chroot. See ops/README-asterisk.md.
#
#   ops/asterisk.sh prepare        build the cached root folder (once, ~1 min, ~500 MB)
#   ops/asterisk.sh start          install our config + prompts, start Asterisk, wait until ready
#   ops/asterisk.sh stop           stop Asterisk, unmount; safe to repeat
#   ops/asterisk.sh status         exit 0 when running, 3 when not
#   ops/asterisk.sh cli "COMMAND"  run one Asterisk CLI command (asterisk -rx)
#
# Environment:
#   HELPLINE_ASTERISK_ROOT  root folder (default ~/.cache/helpline/asterisk-root); must be an
#                           absolute path to a folder of its own under ~/.cache/helpline/ or
#                           this repository's target/ (anything else exits 2 before any work:
#                           the script empties that folder and mounts /proc and /dev below it)
#   HELPLINE_AMI_SECRET     AMI secret of user "helpline" (default local-dev-only)
#   HELPLINE_PHONE_SECRET_<ENDPOINT>  digest password of one counsellor phone, e.g.
#                           HELPLINE_PHONE_SECRET_COUNSELLOR_1 for counsellor-1; each phone its
#                           own (default local-dev-only-<endpoint>, for the sandbox only)
#   HELPLINE_TLS_CERT, HELPLINE_TLS_KEY  certificate (PEM, with chain) and key of transport-tls
#                           (default: a throwaway self-signed one in target/asterisk/tls)
#   HELPLINE_AGI_SECRET     secret the dialplan sends with every FastAGI request (default local-dev-only)
#   HELPLINE_BACKEND        FastAGI host:port of the Java service (default 127.0.0.1:4573); with
#                           two or more service nodes, a comma-separated list in order of
#                           preference (e.g. 10.0.0.5:4573,10.0.0.6:4573): see extensions.conf
#   HELPLINE_DEBIAN_MIRROR  Debian mirror for prepare (default http://deb.debian.org/debian)
#   HELPLINE_ASTERISK_EXTRA_CONFIG  a folder of test-only additions (ops/benchmark-calls.sh): each
#                           <name>.conf in it is appended to our <name>.conf
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
ROOT="${HELPLINE_ASTERISK_ROOT-${HOME:-}/.cache/helpline/asterisk-root}"
MIRROR="${HELPLINE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
RUN_DIR="$REPO/target/asterisk"
PID_FILE="$RUN_DIR/asterisk.pid"
CONSOLE_LOG="$RUN_DIR/console.log"
SIP_PORT=5060
SIP_TLS_PORT=5061
TLS_DIR="$RUN_DIR/tls"
AMI_PORT=5038
READY_TIMEOUT=30

log() { printf 'asterisk.sh: %s\n' "$*" >&2; }
die() { local code="$1"; shift; log "$*"; exit "$code"; }

# The root folder is emptied with rm -rf and gets /proc and /dev mounted below it: a typo must
# never make that /, a home folder or the repository. Symbolic links and '..' are resolved first.
check_root() {
  local resolved parent allowed=()
  local why="HELPLINE_ASTERISK_ROOT must be an absolute path to a folder of its own under ~/.cache/helpline/ or $REPO/target/"
  [[ -n "$ROOT" ]] || die 2 "$why (it is empty)"
  [[ "$ROOT" == /* ]] || die 2 "$why (got the relative path '$ROOT')"
  resolved="$(realpath -m -- "$ROOT")"
  [[ -n "${HOME:-}" && "$HOME" == /* ]] && allowed+=("$(realpath -m -- "$HOME/.cache/helpline")")
  allowed+=("$REPO/target")
  for parent in "${allowed[@]}"; do
    if [[ "$parent" != / && "$resolved" == "$parent"/?* ]]; then
      ROOT="$resolved"
      return 0
    fi
  done
  die 2 "$why (got '$ROOT')"
}
check_root

need_root() {
  [[ "$(id -u)" -eq 0 ]] || die 2 "must run as root (chroot and mount need it); try: sudo $0 $*"
}

# Absolute path of ROOT without requiring it to exist yet.
abs_root() {
  local parent
  parent="$(dirname "$ROOT")"
  mkdir -p "$parent"
  ROOT="$(cd "$parent" && pwd -P)/$(basename "$ROOT")"
}

# Unmount everything mounted at or below $1 (deepest first). Used for a partial debootstrap.
umount_below() {
  local dir="$1" m
  while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" || true
  done < <(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r)
}

cmd_prepare() {
  need_root prepare
  abs_root
  if [[ -x "$ROOT/usr/sbin/asterisk" ]]; then
    return 0
  fi
  command -v debootstrap >/dev/null || die 2 "debootstrap is missing: apt-get install -y debootstrap"
  # One build at a time; a second prepare waits and then finds the finished folder.
  exec 9>"$ROOT.lock"
  flock 9
  if [[ -x "$ROOT/usr/sbin/asterisk" ]]; then
    exec 9>&-
    return 0
  fi
  local stale
  for stale in "$ROOT".partial.*; do
    [[ -e "$stale" ]] || continue
    [[ -d "$stale" ]] || { rm -f "$stale"; continue; }
    log "removing unfinished build $stale"
    umount_below "$stale"
    rm -rf --one-file-system "$stale"
  done
  local tmp="$ROOT.partial.$$" started=$SECONDS
  local dlog="$tmp.debootstrap.log"
  log "building $ROOT with debootstrap (Debian sid + asterisk; about a minute, ~500 MB)"
  trap 'umount_below "'"$tmp"'"; rm -rf --one-file-system "'"$tmp"'"; rm -f "'"$dlog"'"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mkdir -p "$tmp"
  if ! debootstrap --variant=minbase --include=asterisk sid "$tmp" "$MIRROR" >"$dlog" 2>&1; then
    tail -n 20 "$dlog" >&2 || true
    die 1 "debootstrap failed"
  fi
  [[ -x "$tmp/usr/sbin/asterisk" ]] || die 1 "debootstrap finished but $tmp/usr/sbin/asterisk is missing"
  umount_below "$tmp"
  chroot "$tmp" apt-get clean >/dev/null 2>&1 || true
  # The package's sample configuration is replaced by ours on every start.
  rm -rf "${tmp:?}/etc/asterisk/"*
  mv -T "$tmp" "$ROOT"
  rm -f "$dlog"
  trap - EXIT INT TERM
  exec 9>&-
  log "prepared $ROOT in $((SECONDS - started)) s"
}

recorded_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  printf '%s\n' "$pid"
}

# True when $1 is a live process running our chrooted Asterisk binary.
is_our_asterisk() {
  local pid="$1" exe
  [[ -d "/proc/$pid" ]] || return 1
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  [[ "$exe" == "$ROOT/usr/sbin/asterisk" || "$exe" == "/usr/sbin/asterisk" ]] || return 1
  [[ "$(readlink "/proc/$pid/root" 2>/dev/null || true)" == "$ROOT" ]]
}

running_pid() {
  local pid
  pid="$(recorded_pid)" || return 1
  is_our_asterisk "$pid" || return 1
  printf '%s\n' "$pid"
}

rx() {
  timeout "${RX_TIMEOUT:-10}" chroot "$ROOT" /usr/sbin/asterisk -rx "$1"
}

port_taken() { # proto port
  local flag
  [[ "$1" == udp ]] && flag=-Hlun || flag=-Hltn
  [[ -n "$(ss "$flag" "sport = :$2" 2>/dev/null)" ]]
}

# Copies a template, replacing @AMI_SECRET@, @BACKENDS@ and @AGI_SECRET@ literally (no
# regex/escaping issues).
render() {
  AMI_SECRET="$1" BACKEND="$2" AGI_SECRET="${HELPLINE_AGI_SECRET:-local-dev-only}" awk '
    function subst(s, key, val,   out, i) {
      out = ""
      while ((i = index(s, key)) > 0) { out = out substr(s, 1, i - 1) val; s = substr(s, i + length(key)) }
      return out s
    }
    { line = subst($0, "@AMI_SECRET@", ENVIRON["AMI_SECRET"]); line = subst(line, "@BACKENDS@", ENVIRON["BACKEND"])
      print subst(line, "@AGI_SECRET@", ENVIRON["AGI_SECRET"]) }
  ' "$3" >"$4"
}

install_config() {
  local secret="${HELPLINE_AMI_SECRET:-local-dev-only}" backend="${HELPLINE_BACKEND:-127.0.0.1:4573}" f
  [[ "$secret" =~ ^[[:graph:]]{1,128}$ && "$secret" != *[\;\\\"]* ]] \
    || die 2 "HELPLINE_AMI_SECRET must be 1-128 printable ASCII characters without spaces, ';', '\\' or '\"'"
  # Sent as an AGI argument: no comma (argument separator), quote, semicolon or space.
  [[ "${HELPLINE_AGI_SECRET:-local-dev-only}" =~ ^[[:alnum:]._-]{1,128}$ ]] \
    || die 2 "HELPLINE_AGI_SECRET must be 1-128 letters, digits, '.', '_' or '-'"
  local node nodes=()
  IFS=, read -r -a nodes <<<"$backend"
  [[ ${#nodes[@]} -ge 1 && "$backend" != *, ]] || die 2 "HELPLINE_BACKEND must be host:port[,host:port...] (got '$backend')"
  for node in "${nodes[@]}"; do
    [[ "$node" =~ ^[A-Za-z0-9.-]+:[0-9]{1,5}$|^\[[0-9A-Fa-f:.]+\]:[0-9]{1,5}$ ]] \
      || die 2 "HELPLINE_BACKEND must be host:port[,host:port...], e.g. 127.0.0.1:4573 (got '$node')"
  done
  # The dialplan's list separator (FIELDQTY/CUT): '&' cannot appear in a host:port. (Quoted:
  # bash 5.2 reads a bare '&' in the replacement as the matched text.)
  backend="${backend//,/'&'}"
  compgen -G "$REPO/asterisk-config/*.conf" >/dev/null || die 2 "no $REPO/asterisk-config/*.conf"
  mkdir -p "$ROOT/etc/asterisk"
  rm -rf "${ROOT:?}/etc/asterisk/"*
  for f in "$REPO"/asterisk-config/*.conf; do
    render "$secret" "$backend" "$f" "$ROOT/etc/asterisk/$(basename "$f")"
  done
  # Test-only additions (ops/benchmark-calls.sh), appended to the file of the same name.
  if [[ -n "${HELPLINE_ASTERISK_EXTRA_CONFIG:-}" ]]; then
    for f in "$HELPLINE_ASTERISK_EXTRA_CONFIG"/*.conf; do
      [[ -e "$f" ]] && cat "$f" >>"$ROOT/etc/asterisk/$(basename "$f")"
    done
  fi
  fill_phone_secrets "$ROOT/etc/asterisk/pjsip.conf"
  install_tls_cert
  chmod 0640 "$ROOT/etc/asterisk/"*.conf
  # (the chroot's asterisk group; the host may have none, or another with a different id)
  chroot "$ROOT" chown -R root:asterisk /etc/asterisk
}

# Replaces each @PHONE_SECRET:<endpoint>@ with HELPLINE_PHONE_SECRET_<ENDPOINT> (upper case,
# '-' as '_'). Done in bash rather than awk/sed so that no password appears on a command line.
fill_phone_secrets() {
  local file="$1" name var secret content seen=" " i
  local -a names=() secrets=()
  [[ -z "${HELPLINE_PHONE_SECRET+set}" ]] || die 2 "HELPLINE_PHONE_SECRET (one password for every phone) is no longer read; give each phone its own: HELPLINE_PHONE_SECRET_COUNSELLOR_1, HELPLINE_PHONE_SECRET_COUNSELLOR_2, ..."
  while read -r name; do
    [[ -n "$name" ]] || continue
    var="HELPLINE_PHONE_SECRET_$(tr 'a-z-' 'A-Z_' <<<"$name")"
    secret="${!var:-local-dev-only-$name}"
    [[ "$secret" =~ ^[[:alnum:]._-]{1,64}$ ]] || die 2 "$var must be 1-64 letters, digits, '.', '_' or '-'"
    [[ "$seen" != *" $secret "* ]] || die 2 "$var is also another phone's password; every phone needs its own"
    seen+="$secret "
    names+=("$name")
    secrets+=("$secret")
  done < <(grep -o '@PHONE_SECRET:[A-Za-z0-9_-]*@' "$file" | sed 's/^@PHONE_SECRET://; s/@$//' | sort -u)
  content="$(<"$file")"
  for i in "${!names[@]}"; do
    content="${content//"@PHONE_SECRET:${names[i]}@"/"${secrets[i]}"}"
  done
  [[ "$content" != *@PHONE_SECRET* ]] || die 2 "$file: a @PHONE_SECRET...@ placeholder is not of the form @PHONE_SECRET:<endpoint>@"
  printf '%s\n' "$content" >"$file"
}

# transport-tls reads /etc/asterisk/keys/helpline.{crt,key}: the operator's certificate, or for
# the sandbox a self-signed one made once (phones and SIPp do not verify it here).
install_tls_cert() {
  local cert="${HELPLINE_TLS_CERT:-}" key="${HELPLINE_TLS_KEY:-}" keys="$ROOT/etc/asterisk/keys"
  if [[ -n "$cert$key" ]]; then
    [[ -f "$cert" && -f "$key" ]] || die 2 "HELPLINE_TLS_CERT and HELPLINE_TLS_KEY must both name readable files"
  else
    cert="$TLS_DIR/helpline.crt"
    key="$TLS_DIR/helpline.key"
    if [[ ! -s "$cert" || ! -s "$key" ]]; then
      command -v openssl >/dev/null || die 2 "openssl is missing (needed for the sandbox's TLS certificate): apt-get install -y openssl"
      mkdir -p "$TLS_DIR"
      chmod 700 "$TLS_DIR"
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
        -subj "/CN=helpline-sandbox" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$key" -out "$cert" >/dev/null 2>&1 || die 1 "openssl could not make the sandbox certificate"
    fi
  fi
  mkdir -p "$keys"
  install -m 0640 "$cert" "$keys/helpline.crt"
  install -m 0640 "$key" "$keys/helpline.key"
  chmod 0750 "$keys"
}

install_prompts() {
  local sounds="$REPO/target/sounds/helpline" props
  local stale=0
  [[ -d "$sounds" ]] || stale=1
  for props in "$REPO"/src/main/resources/prompts/*.properties; do
    [[ "$props" -nt "$sounds" ]] && stale=1
  done
  if [[ "$stale" -eq 1 ]]; then
    "$REPO/ops/prompts.sh" "$REPO/target/sounds" >&2
  fi
  rm -rf "$ROOT/usr/share/asterisk/sounds/helpline"
  mkdir -p "$ROOT/usr/share/asterisk/sounds"
  cp -r "$sounds" "$ROOT/usr/share/asterisk/sounds/helpline"
  chmod -R a+rX "$ROOT/usr/share/asterisk/sounds/helpline"
  # Operators' recordings: the service writes them here (helpline.prompts.audio-folder) and
  # Asterisk plays them as helpline-live/<lang>/<key>-<hash>. Kept across restarts.
  mkdir -p "$ROOT/usr/share/asterisk/sounds/helpline-live"
  chmod a+rx "$ROOT/usr/share/asterisk/sounds/helpline-live"
}

clear_runtime_state() {
  local d
  for d in var/log/asterisk var/spool/asterisk; do
    mkdir -p "$ROOT/$d"
    find "$ROOT/$d" -mindepth 1 -delete
    chroot "$ROOT" chown asterisk:asterisk "/$d"
  done
  # Stale control socket / pid from a crashed run. ($ROOT/var/run is a symlink to the absolute
  # /run, so it must only be resolved inside the chroot, never from the host.)
  chroot "$ROOT" sh -c 'mkdir -p /run/asterisk && rm -f /run/asterisk/asterisk.ctl /run/asterisk/asterisk.pid && chown asterisk:asterisk /run/asterisk'
}

MOUNTED_PROC=0
MOUNTED_DEV=0
mount_fs() {
  if ! mountpoint -q "$ROOT/proc"; then
    mount -t proc proc "$ROOT/proc"
    MOUNTED_PROC=1
  fi
  if ! mountpoint -q "$ROOT/dev"; then
    mount --bind /dev "$ROOT/dev"
    MOUNTED_DEV=1
  fi
}

umount_fs() {
  local m
  for m in "$ROOT/dev" "$ROOT/proc"; do
    if mountpoint -q "$m"; then
      umount "$m" 2>/dev/null || umount -l "$m"
    fi
  done
}

STARTED_PID=""
START_DONE=0
start_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ "$START_DONE" -eq 0 ]]; then
    if [[ -n "$STARTED_PID" || "$MOUNTED_PROC$MOUNTED_DEV" != 00 ]]; then
      log "start did not finish; cleaning up"
    fi
    if [[ -n "$STARTED_PID" ]] && kill -0 "$STARTED_PID" 2>/dev/null; then
      kill -TERM -- "-$STARTED_PID" 2>/dev/null || kill -TERM "$STARTED_PID" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$STARTED_PID" 2>/dev/null || break; sleep 0.3; done
      kill -KILL -- "-$STARTED_PID" 2>/dev/null || kill -KILL "$STARTED_PID" 2>/dev/null || true
      wait "$STARTED_PID" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    [[ "$MOUNTED_DEV" -eq 1 ]] && { umount "$ROOT/dev" 2>/dev/null || umount -l "$ROOT/dev" || true; }
    [[ "$MOUNTED_PROC" -eq 1 ]] && { umount "$ROOT/proc" 2>/dev/null || umount -l "$ROOT/proc" || true; }
    [[ "$rc" -eq 0 ]] && rc=1
  fi
  exit "$rc"
}

cmd_start() {
  need_root start
  cmd_prepare
  abs_root
  local pid
  if pid="$(running_pid)"; then
    die 2 "asterisk is already running (pid $pid); run: $0 stop"
  fi
  if port_taken udp "$SIP_PORT"; then
    die 2 "UDP port $SIP_PORT (SIP) is already in use; refusing to start. Owner: $(ss -Hlunp "sport = :$SIP_PORT" | awk '{print $NF}' | head -1)"
  fi
  if port_taken tcp "$SIP_TLS_PORT"; then
    die 2 "TCP port $SIP_TLS_PORT (SIP over TLS) is already in use; refusing to start. Owner: $(ss -Hltnp "sport = :$SIP_TLS_PORT" | awk '{print $NF}' | head -1)"
  fi
  if port_taken tcp "$AMI_PORT"; then
    die 2 "TCP port $AMI_PORT (AMI) is already in use; refusing to start. Owner: $(ss -Hltnp "sport = :$AMI_PORT" | awk '{print $NF}' | head -1)"
  fi
  local t0=$SECONDS
  trap start_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  install_config
  install_prompts
  clear_runtime_state
  mkdir -p "$RUN_DIR"
  rm -f "$PID_FILE"
  : >"$CONSOLE_LOG"
  chmod 600 "$CONSOLE_LOG"
  mount_fs

  # setsid: own process group, so stop can signal exactly this group. chroot execs asterisk,
  # so $! is Asterisk's own pid. -f: foreground (no fork), -n: no colours; verbosity comes from
  # asterisk.conf (0). Console output goes to target/asterisk/console.log (warnings only).
  setsid chroot "$ROOT" /usr/sbin/asterisk -f -n -U asterisk -G asterisk \
    </dev/null >>"$CONSOLE_LOG" 2>&1 &
  STARTED_PID=$!
  printf '%s\n' "$STARTED_PID" >"$PID_FILE"

  local deadline=$((SECONDS + READY_TIMEOUT)) booted=0
  while ((SECONDS < deadline)); do
    if ! kill -0 "$STARTED_PID" 2>/dev/null; then
      tail -n 30 "$CONSOLE_LOG" >&2 || true
      die 1 "asterisk exited during start-up (see $CONSOLE_LOG)"
    fi
    if RX_TIMEOUT=5 rx "core waitfullybooted" >/dev/null 2>&1; then
      booted=1
      break
    fi
    sleep 0.2
  done
  ((booted)) || { tail -n 30 "$CONSOLE_LOG" >&2 || true; die 1 "asterisk not fully booted after ${READY_TIMEOUT}s"; }
  while ((SECONDS < deadline)); do
    if rx "pjsip show transports" 2>/dev/null | grep -q "transport-udp" && port_taken udp "$SIP_PORT" \
      && port_taken tcp "$AMI_PORT"; then
      START_DONE=1
      break
    fi
    sleep 0.2
  done
  ((START_DONE)) || { tail -n 30 "$CONSOLE_LOG" >&2 || true; die 1 "PJSIP transport/AMI not up after ${READY_TIMEOUT}s"; }
  is_our_asterisk "$STARTED_PID" || die 1 "pid $STARTED_PID is not the chrooted asterisk"
  trap - EXIT INT TERM
  log "started in $((SECONDS - t0)) s"
  echo "asterisk ready (pid $STARTED_PID)"
}

cmd_stop() {
  need_root stop
  abs_root
  local pid
  if pid="$(running_pid)"; then
    RX_TIMEOUT=5 rx "core stop now" >/dev/null 2>&1 || true
    local i
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "asterisk (pid $pid) did not stop in 10 s; sending TERM/KILL to its process group"
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      sleep 2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
    log "stopped asterisk (pid $pid)"
  fi
  rm -f "$PID_FILE"
  # Anything still running with its root in our folder? (e.g. a start without pid file)
  local p others=()
  for p in /proc/[0-9]*; do
    # -ef: same file after resolving the link, i.e. the process's root is our folder (no fork)
    [[ "$p/root" -ef "$ROOT" ]] && others+=("${p#/proc/}")
  done
  if ((${#others[@]} > 0)); then
    log "processes still running inside $ROOT (not started by this script's pid file): ${others[*]}"
    log "left their mounts in place; stop them by pid, then run: $0 stop"
    exit 1
  fi
  if [[ -d "$ROOT" ]]; then
    umount_fs
  fi
  return 0
}

cmd_status() {
  abs_root
  local pid
  if pid="$(running_pid)"; then
    echo "asterisk running (pid $pid)"
    rx "core show uptime" 2>/dev/null || true
    return 0
  fi
  echo "asterisk not running"
  return 3
}

cmd_cli() {
  need_root cli
  abs_root
  [[ $# -ge 1 ]] || die 2 "usage: $0 cli \"<asterisk CLI command>\""
  running_pid >/dev/null || die 3 "asterisk is not running (start it with: $0 start)"
  rx "$*"
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    prepare) cmd_prepare ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    cli) cmd_cli "$@" ;;
    *)
      sed -n '2,/^set -euo pipefail$/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"

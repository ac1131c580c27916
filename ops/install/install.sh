#!/usr/bin/env bash
# Installs the helpline on a Debian server (sid/forky or any release with openjdk-25, asterisk
# and postgresql packages), from a built checkout: run as root, again after every upgrade.
# Safe to repeat: secrets already in /etc/helpline/helpline.env are kept, never replaced.
#
#   mvn -B -ntp package -DskipTests && ops/prompts.sh      # on a build machine (espeak-ng, sox)
#   sudo ops/install/install.sh                             # on the server, in the checkout
#
# What it does (ops/runbook-install.md says why):
#   - Debian packages: openjdk-25-jre-headless, postgresql, asterisk, openssl (when missing)
#   - system user helpline; /opt/helpline/helpline.jar (+ the key rotation script)
#   - /opt/helpline/app: the jar extracted, with a JDK AOT cache from one training run
#     (ops/install/layout.sh), made again when the jar or the JDK changed
#   - /etc/helpline/helpline.env, 0600 root: generated secrets for whatever is missing
#   - /var/lib/helpline (data) and /var/lib/helpline/keys (0700 helpline): this year's and
#     next year's pseudonym keys when this year's is missing
#   - PostgreSQL: role helpline (login, nothing more), database helpline owned by role
#     helpline_admin (no login), schema helpline owned by role helpline
#   - Asterisk: asterisk-config/*.conf into /etc/asterisk with the secrets filled in, our
#     prompts in /usr/share/asterisk/sounds/helpline, a folder for operators' recordings
#   - systemd: helpline.service, helpline-key-rotation.{service,timer}, journald retention (and
#     a logrotate file for Asterisk's own log);
#     enabled and (re)started when systemd runs this machine
#
# Environment (all optional):
#   HELPLINE_PG_CLUSTER  "VERSION/NAME" of the PostgreSQL cluster (default: the newest one)
#   HELPLINE_TLS_CERT, HELPLINE_TLS_KEY  certificate (PEM, with chain) and key for SIP over TLS
#                        (default: keep the installed ones, else make a self-signed one)
#   HELPLINE_NO_APT=1    never run apt-get (fail when a package is missing)
set -euo pipefail
umask 022

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
OPT=/opt/helpline
ETC=/etc/helpline
ENV_FILE=$ETC/helpline.env
DATA=/var/lib/helpline
KEYS=$DATA/keys
SOUNDS=/usr/share/asterisk/sounds
LIVE_PROMPTS=$SOUNDS/helpline-live
UNITS=/etc/systemd/system
JAVA=/usr/bin/java

log() { printf 'install.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[[ "$(id -u)" -eq 0 ]] || die "must run as root: sudo $0"
systemd_runs() { [[ -d /run/systemd/system ]]; }

packages() {
  local pkg need=()
  for pkg in openjdk-25-jre-headless postgresql asterisk openssl; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  ((${#need[@]} == 0)) && return 0
  [[ -z "${HELPLINE_NO_APT:-}" ]] || die "missing packages: ${need[*]}"
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
}

java_25() {
  "$JAVA" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])' \
    || die "$JAVA is not Java 25 or later: update-alternatives --config java"
}

user() {
  getent group helpline >/dev/null || groupadd --system helpline
  getent passwd helpline >/dev/null \
    || useradd --system --gid helpline --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin \
      --comment "Helpline service" helpline
}

application() {
  local jars=("$SRC"/target/helpline-*.jar)
  [[ ${#jars[@]} -eq 1 && -f "${jars[0]}" ]] \
    || die "need exactly one $SRC/target/helpline-*.jar (mvn -B -ntp package -DskipTests), found: ${jars[*]}"
  install -d -m 0755 -o root -g root "$OPT" "$OPT/ops"
  install -m 0644 -o root -g root "${jars[0]}" "$OPT/helpline.jar.new"
  mv -f "$OPT/helpline.jar.new" "$OPT/helpline.jar"
  install -m 0755 -o root -g root "$SRC/ops/rotate-pseudonym-keys.sh" "$SRC/ops/java-home.sh" "$OPT/ops/"
  install -d -m 0750 -o helpline -g helpline "$DATA"
  install -d -m 0700 -o helpline -g helpline "$KEYS"
  chown helpline:helpline "$KEYS"
  chmod 0700 "$KEYS"
}

# What the start-up layout is made of: it fits this jar and this JDK build only.
layout_source() {
  sha256sum <"$OPT/helpline.jar" | cut -d' ' -f1
  "$JAVA" -Xinternalversion
}

# /opt/helpline/app.new, put in place by new_layout_in_place, unless app fits already.
layout() {
  rm -rf "$OPT/app.new"
  if [[ -s "$OPT/app/helpline.aot" && "$(layout_source)" == "$(cat "$OPT/app/source" 2>/dev/null)" ]]; then
    log "$OPT/app fits this jar and JDK: kept"
    return 0
  fi
  log "extracting the jar and making its AOT cache (a training run, up to a minute or two)"
  JAVA="$JAVA" "$SRC/ops/install/layout.sh" "$OPT/helpline.jar" "$OPT/app.new" helpline
  layout_source >"$OPT/app.new/source"
  chmod 0644 "$OPT/app.new/source"
}

# Only while the service is stopped: a running JVM may still open one of its jars by name.
new_layout_in_place() {
  [[ -d "$OPT/app.new" ]] || return 0
  rm -rf "$OPT/app.old"
  if [[ -d "$OPT/app" ]]; then mv -T "$OPT/app" "$OPT/app.old"; fi
  mv -T "$OPT/app.new" "$OPT/app"
  rm -rf "$OPT/app.old"
}

# Letters and digits only: fits every file the secrets go into without quoting.
random() { openssl rand -hex "${1:-24}"; }

# Appends NAME=value to the env file when NAME is not set there yet.
setting() {
  local name="$1" value="$2"
  grep -q "^$name=" "$ENV_FILE" || printf '%s=%s\n' "$name" "$value" >>"$ENV_FILE"
}

environment_file() {
  install -d -m 0755 -o root -g root "$ETC"
  if [[ ! -e "$ENV_FILE" ]]; then
    (umask 077 && printf '%s\n' "# The helpline's settings and secrets (ops/runbook-install.md). Root only: systemd reads it" \
      "# before it starts the service as user helpline. install.sh adds what is missing, never replaces." >"$ENV_FILE")
  fi
  chown root:root "$ENV_FILE"
  chmod 0600 "$ENV_FILE"
  local port
  port="$(pg_port)"
  setting HELPLINE_DB_URL "jdbc:postgresql://localhost:$port/helpline"
  setting HELPLINE_DB_USER helpline
  setting HELPLINE_DB_PASSWORD "$(random)"
  setting HELPLINE_AGI_SECRET "$(random)"
  setting HELPLINE_AMI_SECRET "$(random)"
  setting HELPLINE_ADMIN_USERNAME operator
  setting HELPLINE_ADMIN_PASSWORD "$(random 12)"
  setting HELPLINE_PRIVACY_KEY_FOLDER "$KEYS"
  setting HELPLINE_PROMPTS_FOLDER "$LIVE_PROMPTS"
  setting HELPLINE_HTTP_ADDRESS 127.0.0.1
  setting HELPLINE_HTTP_PORT 8080
  setting HELPLINE_AGI_ADDRESS 127.0.0.1
  setting HELPLINE_AGI_PORT 4573
  # Asterisk's side (only install.sh reads these): the FastAGI node(s) and each phone's password.
  setting HELPLINE_BACKEND 127.0.0.1:4573
  local endpoint
  for endpoint in $(grep -ho '@PHONE_SECRET:[A-Za-z0-9_-]*@' "$SRC"/asterisk-config/pjsip.conf | sed 's/^@PHONE_SECRET://; s/@$//' | sort -u); do
    setting "HELPLINE_PHONE_SECRET_$(tr 'a-z-' 'A-Z_' <<<"$endpoint")" "$(random 16)"
  done
  set -a
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  set +a
}

keys() {
  local year
  year="$(date -u +%Y)"
  if [[ ! -e "$KEYS/pseudonym-$year.key" ]]; then
    log "making the pseudonym keys of $year and $((year + 1))"
    runuser -u helpline -- env HELPLINE_JAR="$OPT/helpline.jar" HELPLINE_PRIVACY_KEY_FOLDER="$KEYS" JAVA_HOME= \
      PATH=/usr/bin:/bin "$OPT/ops/rotate-pseudonym-keys.sh" >&2
  fi
}

# "VERSION NAME PORT STATUS" of the cluster the service uses.
pg_cluster() {
  local wanted="${HELPLINE_PG_CLUSTER:-}" line
  line="$(pg_lsclusters --no-header | awk -v w="$wanted" 'w == "" || $1 "/" $2 == w' | sort -V | tail -n 1)"
  [[ -n "$line" ]] || die "no PostgreSQL cluster${wanted:+ $wanted} (pg_lsclusters); make one: pg_createcluster --start VERSION main"
  awk '{ print $1, $2, $3, $4 }' <<<"$line"
}

pg_port() { pg_cluster | awk '{ print $3 }'; }

psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$(pg_port)" "$@"; }

database() {
  local version name port status
  read -r version name port status <<<"$(pg_cluster)"
  if [[ "$status" != online* ]]; then
    if systemd_runs; then
      systemctl enable --now "postgresql@$version-$name"
    else
      pg_ctlcluster "$version" "$name" start
    fi
  fi
  # Passed on standard input, never on a command line (ps shows those to every user).
  psql_admin -d postgres <<SQL
SELECT 'CREATE ROLE helpline_admin NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpline_admin')\gexec
SELECT 'CREATE ROLE helpline LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpline')\gexec
ALTER ROLE helpline LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$HELPLINE_DB_PASSWORD';
SELECT 'CREATE DATABASE helpline OWNER helpline_admin ENCODING ''UTF8'' TEMPLATE template0' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'helpline')\gexec
REVOKE ALL ON DATABASE helpline FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE helpline TO helpline;
ALTER ROLE helpline IN DATABASE helpline SET search_path = helpline;
SQL
  psql_admin -d helpline <<SQL
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS helpline AUTHORIZATION helpline;
SQL
}

# Copies a template, replacing @AMI_SECRET@, @BACKENDS@ and @AGI_SECRET@ literally (as
# ops/asterisk.sh does for the sandbox).
render() {
  local backends
  backends="${HELPLINE_BACKEND//,/'&'}" # (quoted: bash 5.2 reads a bare '&' as the match)
  BACKENDS="$backends" awk '
    function subst(s, key, val,   out, i) {
      out = ""
      while ((i = index(s, key)) > 0) { out = out substr(s, 1, i - 1) val; s = substr(s, i + length(key)) }
      return out s
    }
    { line = subst($0, "@AMI_SECRET@", ENVIRON["HELPLINE_AMI_SECRET"]); line = subst(line, "@BACKENDS@", ENVIRON["BACKENDS"])
      print subst(line, "@AGI_SECRET@", ENVIRON["HELPLINE_AGI_SECRET"]) }
  ' "$1"
}

# The phones' passwords, replaced in bash so that none appears on a command line.
phone_secrets() {
  local content var name
  content="$(<"$1")"
  while [[ "$content" =~ @PHONE_SECRET:([A-Za-z0-9_-]+)@ ]]; do
    name="${BASH_REMATCH[1]}"
    var="HELPLINE_PHONE_SECRET_$(tr 'a-z-' 'A-Z_' <<<"$name")"
    [[ -n "${!var:-}" ]] || die "$var is missing from $ENV_FILE"
    content="${content//"@PHONE_SECRET:$name@"/"${!var}"}"
  done
  printf '%s\n' "$content" >"$1"
}

asterisk_config() {
  local f staged
  [[ "$HELPLINE_AGI_SECRET" =~ ^[[:alnum:]._-]{1,128}$ ]] || die "HELPLINE_AGI_SECRET must be 1-128 letters, digits, '.', '_' or '-'"
  [[ "$HELPLINE_AMI_SECRET" =~ ^[[:alnum:]._-]{1,128}$ ]] || die "HELPLINE_AMI_SECRET must be 1-128 letters, digits, '.', '_' or '-'"
  [[ "$HELPLINE_BACKEND" =~ ^[A-Za-z0-9.:-]+(,[A-Za-z0-9.:-]+)*$ ]] || die "HELPLINE_BACKEND must be host:port[,host:port...]"
  if [[ ! -e /etc/asterisk/.helpline && -d /etc/asterisk ]]; then
    # Debian's sample configuration, kept once for reference; ours replaces it.
    tar -C /etc -czf /var/backups/asterisk-config-before-helpline.tar.gz asterisk
  fi
  staged="$(mktemp -d /etc/asterisk.new.XXXXXX)"
  for f in "$SRC"/asterisk-config/*.conf; do
    render "$f" >"$staged/$(basename "$f")"
  done
  phone_secrets "$staged/pjsip.conf"
  install -d -m 0750 "$staged/keys"
  if [[ -n "${HELPLINE_TLS_CERT:-}${HELPLINE_TLS_KEY:-}" ]]; then
    install -m 0640 "$HELPLINE_TLS_CERT" "$staged/keys/helpline.crt"
    install -m 0640 "$HELPLINE_TLS_KEY" "$staged/keys/helpline.key"
  elif [[ -s /etc/asterisk/keys/helpline.crt && -s /etc/asterisk/keys/helpline.key ]]; then
    cp -p /etc/asterisk/keys/helpline.crt /etc/asterisk/keys/helpline.key "$staged/keys/"
  else
    log "no HELPLINE_TLS_CERT/HELPLINE_TLS_KEY: a self-signed certificate for SIP over TLS (replace it)"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
      -subj "/CN=$(hostname -f 2>/dev/null || hostname)" -keyout "$staged/keys/helpline.key" \
      -out "$staged/keys/helpline.crt" >/dev/null 2>&1
  fi
  touch "$staged/.helpline"
  chmod 0640 "$staged"/*.conf "$staged"/keys/*
  chown -R root:asterisk "$staged"
  chmod 0750 "$staged"
  rm -rf /etc/asterisk.old
  [[ -d /etc/asterisk ]] && mv -T /etc/asterisk /etc/asterisk.old
  mv -T "$staged" /etc/asterisk
  rm -rf /etc/asterisk.old
}

prompts() {
  local sounds="$SRC/target/sounds/helpline"
  if [[ ! -d "$sounds" ]]; then
    log "no $sounds: generating the prompts (ops/prompts.sh, needs espeak-ng and sox)"
    "$SRC/ops/prompts.sh" "$SRC/target/sounds" >&2
  fi
  rm -rf "$SOUNDS/helpline.new"
  cp -r "$sounds" "$SOUNDS/helpline.new"
  chown -R root:root "$SOUNDS/helpline.new"
  chmod -R u=rwX,go=rX "$SOUNDS/helpline.new"
  rm -rf "$SOUNDS/helpline"
  mv -T "$SOUNDS/helpline.new" "$SOUNDS/helpline"
  # Operators' recordings: written by the service, played by Asterisk (setgid: group asterisk).
  install -d -m 2750 -o helpline -g asterisk "$LIVE_PROMPTS"
}

units() {
  install -m 0644 "$SRC"/ops/install/helpline.service "$SRC"/ops/install/helpline-key-rotation.service \
    "$SRC"/ops/install/helpline-key-rotation.timer "$UNITS/"
  install -d -m 0755 /etc/systemd/journald.conf.d
  install -m 0644 "$SRC"/ops/install/journald-helpline.conf /etc/systemd/journald.conf.d/helpline.conf
  install -m 0644 "$SRC"/ops/install/logrotate-asterisk /etc/logrotate.d/helpline-asterisk
  if systemd_runs; then
    systemctl daemon-reload
    systemctl restart systemd-journald
    systemctl enable --now helpline-key-rotation.timer
    systemctl enable asterisk helpline
    # A reload keeps the calls in progress (a restart would cut them).
    systemctl reload-or-restart asterisk
    systemctl stop helpline
    new_layout_in_place
    systemctl start helpline
    log "started; check: systemctl status helpline asterisk; journalctl -u helpline"
  else
    new_layout_in_place
    # (a chroot, an image being built): enabled, so that the next boot starts them
    systemctl enable helpline-key-rotation.timer asterisk helpline >/dev/null 2>&1 \
      || log "could not enable the units: run systemctl enable helpline helpline-key-rotation.timer asterisk"
    log "systemd does not run this machine: units installed and enabled, nothing started"
  fi
}

packages
java_25
user
application
layout
environment_file
keys
database
asterisk_config
prompts
units
log "installed"

#!/usr/bin/env bash
# The yearly pseudonym key rotation (README, "Pseudonym keys"): makes sure this year's and
# next year's keys exist and destroys every older key. Run it once a year, in January, on the
# machine that holds the key folder, as the service's user.
#   ops/rotate-pseudonym-keys.sh [--folder DIR] [--year YYYY]
#   ops/rotate-pseudonym-keys.sh --create 2015   # a past year's key, to import its history;
#                                                # the next rotation destroys it again
#   ops/rotate-pseudonym-keys.sh --destroy 2015  # destroy it right after the import instead
# The folder defaults to $HELPLINE_PRIVACY_KEY_FOLDER, else ./data/keys (development).
# Runs from the application jar when HELPLINE_JAR names it, else from target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
umask 077
main=org.helpline.privacy.KeyRotation
if [ -n "${HELPLINE_JAR:-}" ]; then
  exec java -cp "$HELPLINE_JAR" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
fi
[ -f target/classes/org/helpline/privacy/KeyRotation.class ] || mvn -B -q -ntp compile
exec java -cp target/classes "$main" "$@"

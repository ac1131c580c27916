#!/usr/bin/env bash
# Runs every test: unit and integration tests (real PostgreSQL), then the end-to-end tests
# against a real Asterisk and SIPp (needs root; see ops/README-asterisk.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
exec mvn -B -ntp verify -Pe2e "$@"

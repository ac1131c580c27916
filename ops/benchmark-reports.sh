#!/usr/bin/env bash
# Times the reports over 1,000,000 contact records (or the number given) in an embedded
# PostgreSQL. A benchmark, not a test: it asserts nothing. Results go in BENCHMARKS.md.
#   ops/benchmark-reports.sh [records]
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.helpline.contact.benchmark.ReportBenchmark "$@"

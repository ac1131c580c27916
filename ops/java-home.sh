# Sourced by scripts: selects a JDK 25 (the project's language level) when JAVA_HOME isn't one.
if ! "${JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"

#!/usr/bin/env bash
# Turns the voice prompt texts into sound files Asterisk can play:
#   src/main/resources/prompts/<lang>.properties  (UTF-8, key=value, # comments)
#   -> OUT_DIR/helpline/<lang>/<key>.wav           (8 kHz mono 16-bit signed PCM)
# with espeak-ng (nl: voice nl, en: voice en-gb) and sox. Only prompts whose text (or voice
# settings) changed are regenerated; OUT_DIR/helpline/<lang>/.manifest records what was made.
#
#   ops/prompts.sh [OUT_DIR]     default OUT_DIR: <repo>/target/sounds
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
OUT_DIR="${1:-$REPO/target/sounds}"
PROMPTS_DIR="$REPO/src/main/resources/prompts"
SPEED=145 # words per minute; espeak-ng's default is 175
JOBS="$(nproc 2>/dev/null || echo 2)"

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || {
    echo "prompts.sh: $tool is missing: apt-get install -y espeak-ng sox" >&2
    exit 2
  }
done

voice_for() {
  case "$1" in
    nl) echo nl ;;
    en) echo en-gb ;;
    *) echo "$1" ;;
  esac
}

# Prints "key<TAB>text" for every prompt in a .properties file (first '=' or ':' separates;
# whitespace around key and value trimmed; blank lines and #/! comments skipped).
read_properties() {
  local line key value
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*([#!].*)?$ ]] && continue
    if [[ "$line" =~ ^[[:space:]]*([^=:[:space:]]+)[[:space:]]*[=:][[:space:]]*(.*)$ ]]; then
      key="${BASH_REMATCH[1]}"
      value="${BASH_REMATCH[2]}"
      value="${value%"${value##*[![:space:]]}"}"
    else
      echo "prompts.sh: $2: cannot read line: $line" >&2
      exit 1
    fi
    if [[ ! "$key" =~ ^[A-Za-z0-9._-]+$ ]]; then
      echo "prompts.sh: $2: key '$key' can't be a file name (letters, digits, . _ - only)" >&2
      exit 1
    fi
    [[ -n "$value" ]] || { echo "prompts.sh: $2: '$key' has no text" >&2; exit 1; }
    printf '%s\t%s\n' "$key" "$value"
  done <"$1"
}

# synth VOICE TEXT OUT.wav : espeak-ng -> sox (8 kHz, mono, 16-bit signed, normalised).
# Forks are slow on some machines, so: no temp files, one pipeline per prompt.
synth() {
  espeak-ng -v "$1" -s "$SPEED" --stdout -- "$2" \
    | sox -q -t wav - -r 8000 -c 1 -b 16 -e signed-integer "$3" norm -3
}

SETTINGS="speed=$SPEED;8000Hz/16bit/mono;norm-3"
generated=0
total=0
for props in "$PROMPTS_DIR"/*.properties; do
  [[ -e "$props" ]] || { echo "prompts.sh: no $PROMPTS_DIR/*.properties" >&2; exit 1; }
  lang="$(basename "$props" .properties)"
  voice="$(voice_for "$lang")"
  dir="$OUT_DIR/helpline/$lang"
  mkdir -p "$dir"
  # The manifest holds "key<TAB>voice;settings;text" of every prompt made: a changed text or
  # setting differs from it. (Plain strings, not hashes: comparing them needs no process.)
  declare -A old=() keep=()
  if [[ -f "$dir/.manifest" ]]; then
    while IFS=$'\t' read -r k v; do old["$k"]="$v"; done <"$dir/.manifest"
  fi
  entries="$(read_properties "$props" "$props")"
  todo_keys=()
  todo_texts=()
  manifest=""
  while IFS=$'\t' read -r key text; do
    [[ -n "$key" ]] || continue
    total=$((total + 1))
    keep["$key"]=1
    sig="$voice;$SETTINGS;$text"
    manifest+="$key"$'\t'"$sig"$'\n'
    if [[ "${old[$key]:-}" != "$sig" || ! -s "$dir/$key.wav" ]]; then
      todo_keys+=("$key")
      todo_texts+=("$text")
    fi
  done <<<"$entries"
  # JOBS workers, each takes every JOBS-th prompt.
  n=${#todo_keys[@]}
  if ((n > 0)); then
    rm -f "$dir/.manifest" # a failure below leaves no manifest, so the next run redoes all
    pids=()
    for ((w = 0; w < JOBS; w++)); do
      (
        for ((i = w; i < n; i += JOBS)); do
          synth "$voice" "${todo_texts[$i]}" "$dir/${todo_keys[$i]}.wav"
        done
      ) &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do
      wait "$pid" || { echo "prompts.sh: generating $lang prompts failed" >&2; exit 1; }
    done
    generated=$((generated + n))
  fi
  # Drop sound files of prompts that no longer exist.
  for wav in "$dir"/*.wav; do
    [[ -e "$wav" ]] || continue
    k="${wav##*/}"
    k="${k%.wav}"
    [[ -n "${keep[$k]:-}" ]] || rm -f "$wav"
  done
  printf '%s' "$manifest" >"$dir/.manifest"
  unset old keep
done
# Music on hold: a calm, generated chord sequence (no third-party recordings to license).
moh="$OUT_DIR/helpline/moh"
if [[ ! -s "$moh/hold.wav" ]]; then
  mkdir -p "$moh"
  sox -q -n -r 8000 -c 1 -b 16 -e signed-integer "$moh/hold.wav" \
    synth 4 sine 262 sine 330 sine 392 : synth 4 sine 220 sine 262 sine 330 \
    : synth 4 sine 175 sine 220 sine 262 : synth 4 sine 196 sine 247 sine 294 \
    remix - fade 0.5 0 0.5 gain -12 repeat 3
fi
touch "$OUT_DIR/helpline"
echo "prompts: generated $generated of $total prompts in $OUT_DIR/helpline"

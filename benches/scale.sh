#!/usr/bin/env bash
# End-to-end throughput and peak memory of the runner at scale, beside the floor.
#
#   benches/scale.sh [SIZES_MB...]        default: 200 1000
#
# For each size it generates a deterministic corpus (crates/corpusgen, seed 42) of text
# articles as JSONL, then runs, with /usr/bin/time -v:
#   floor    the runner with no stage: read, parse, write back (the I/O floor)
#   text     boilerplate + quotes + numbers on the text corpus
#   html     the same on a corpus of HTML pages (first size only: pages are larger)
# and prints wall time, MB/s (of input bytes) and peak RSS. Corpora and outputs go to
# $NEWSMILL_SCALE_DIR (default: target/scale); nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 1000)
dir=${NEWSMILL_SCALE_DIR:-target/scale}
mkdir -p "$dir"

cargo build --release --quiet -p newsmill -p newsmill-corpusgen
runner=${CARGO_TARGET_DIR:-target}/release/runner
gen=${CARGO_TARGET_DIR:-target}/release/corpusgen
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)"; exit 1; }

stages='[[stage]]
type = "boilerplate"
[[stage]]
type = "quotes"
[[stage]]
type = "numbers"'

run() { # name input stages
  local name=$1 input=$2 body=$3 cfg="$dir/$1.toml"
  printf '[input]\npath = "%s"\n[output]\npath = "%s"\n[run]\nprogress = "never"\n%s\n' \
    "$(realpath "$input")" "$(realpath -m "$dir/$name.out.jsonl")" "$body" > "$cfg"
  local bytes; bytes=$(stat -c %s "$input")
  /usr/bin/time -v "$runner" --config "$cfg" --quiet 2> "$dir/$name.time"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/$name.time")
  local secs; secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  printf '%-16s %10.1f MB %9.2f s %9.1f MB/s %9.1f MB peak RSS\n' \
    "$name" "$(echo "$bytes/1000000" | bc -l)" "$secs" "$(echo "$bytes/1000000/$secs" | bc -l)" "$(echo "$rss/1024" | bc -l)"
  rm -f "$dir/$name.out.jsonl" "$dir/$name.out.rejects.jsonl"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | awk -F': +' '/Model name/ {print $2}')"
first=1
for mb in "${sizes[@]}"; do
  text="$dir/text-${mb}mb.jsonl"
  # A corpus older than the generator is made again: it would measure old articles.
  [ "$text" -nt "$gen" ] || "$gen" --format text --mb "$mb" --seed 42 -o "$text" 2>/dev/null
  run "floor-${mb}mb" "$text" ""
  run "text-${mb}mb" "$text" "$stages"
  if [ $first = 1 ]; then
    html="$dir/html-${mb}mb.jsonl"
    [ "$html" -nt "$gen" ] || "$gen" --format html --mb "$mb" --seed 42 -o "$html" 2>/dev/null
    run "html-${mb}mb" "$html" "$stages"
    first=0
  fi
done

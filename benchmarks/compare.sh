#!/usr/bin/env bash
# Compares the streaming throughput of two builds of the benchmarks jar (say, before and after a change) on the
# throughput scenario's data: 200,000 realistic calls, newest-first server, no added latency, one JVM per stream
# (-Xms2g -Xmx2g, G1), 1 warm-up stream then 1 measured stream, the same fork the full run uses. The two builds
# alternate within each round, in an order that flips every round, and the figure is the median over rounds of
# the per-round ratio (second / first): the machine's drift over minutes cancels out, as in the full run.
#
#   benchmarks/compare.sh BEFORE.jar AFTER.jar [ROUNDS] [CONTESTANTS]
#   e.g. benchmarks/compare.sh before.jar benchmarks/target/benchmarks.jar 4 "blocking reactive-c1"
#
# About 40 s a stream on 2 shared cores: 4 rounds of 2 contestants take about 11 minutes.
set -euo pipefail
first=$1 second=$2 rounds=${3:-4} contestants=${4:-"blocking reactive-c1"}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq 1 "$rounds"); do
  for contestant in $contestants; do
    if (( round % 2 == 1 )); then order="1 2"; else order="2 1"; fi
    for build in $order; do
      jar=$first; [[ $build == 2 ]] && jar=$second
      out="$work/$round-$contestant-$build.json"
      "$java_bin" -Xms2g -Xmx2g -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
        com.clarionhealth.benchmarks.Main --fork stream contestant="$contestant" n=200000 warmup=1 runs=1 \
        latencyMs=0 pool=2048 bodies=realistic out="$out" > "$work/$round-$contestant-$build.log" 2>&1 \
        || { echo "round $round, $contestant, build $build failed:"; tail -5 "$work/$round-$contestant-$build.log"; exit 1; }
    done
  done
done
# One line per round and contestant, then the medians.
python3 - "$work" "$rounds" "$contestants" <<'PY'
import json, statistics, sys
work, rounds, contestants = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
def rate(r, c, b):
    m = json.load(open(f"{work}/{r}-{c}-{b}.json"))["measured"][0]
    assert m["exactlyOnce"], f"round {r} {c} build {b} did not deliver each call once"
    return m["calls"] / m["seconds"]
print("| contestant | round | first (calls/s) | second (calls/s) | second / first |")
print("|---|---:|---:|---:|---:|")
for c in contestants:
    ratios = []
    for r in range(1, rounds + 1):
        a, b = rate(r, c, 1), rate(r, c, 2)
        ratios.append(b / a)
        print(f"| {c} | {r} | {a:,.0f} | {b:,.0f} | {b / a:.3f} |")
    print(f"| **{c}** | median | | | **{statistics.median(ratios):.3f}** ({min(ratios):.3f} to {max(ratios):.3f}) |")
PY

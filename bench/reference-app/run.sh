#!/usr/bin/env bash
# Benchmark of the reference app with wrk (Debian package `wrk`), not a test: see docs/benchmarks.md.
#
#   bash bench/reference-app/run.sh            # 3 runs of 10 s per scenario, wrk -t2 -c10
#   RUNS=5 DURATION=15s WARMUP=10s bash bench/reference-app/run.sh
#
# Starts `reference-app --embedded` (Redis and MariaDB from the jar, seeded) on free ports, runs
# each scenario RUNS times and prints every run and the median. Then the same no-cache scenarios
# with one new MySQL connection per request, as the seed's app_no_cache.py does.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/reference-app
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNS=${CONNS:-10}
out=${OUT:-target/bench-reference-app}
mkdir -p "$out"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
jar=reference-app/target/reference-app.jar
if [[ -f $jar ]]; then
    launch=(java -jar "$jar")
else
    echo "no $jar; using target/classes and the Maven classpath (mvn -o -pl reference-app compile first)" >&2
    mvn -q -B -o -pl reference-app dependency:build-classpath -Dmdep.outputFile="$PWD/$out/cp.txt" -Dmdep.includeScope=runtime >/dev/null
    launch=(java -cp "reference-app/target/classes:$(cat "$out/cp.txt")" labapp.Main)
fi

free_port() { python3 -c 'import random,socket
while True:
    p=random.randint(10000,32767); s=socket.socket()
    try: s.bind(("127.0.0.1",p)); s.close(); print(p); break
    except OSError: pass'; }

app_pid=
stop_app() { if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
trap stop_app EXIT

start_app() { # $1: no-cache db mode
    cache_port=$(free_port); nocache_port=$(free_port)
    "${launch[@]}" --embedded --cache-port "$cache_port" --no-cache-port "$nocache_port" --no-cache-db "$1" \
        >"$out/app-$1.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$cache_port/health" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$nocache_port/health" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "app did not start; log:" >&2; tail -20 "$out/app-$1.log" >&2; exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

scenario() { # $1 name, $2 url, $3 lua script
    local name=$1 url=$2 script=$3 lines
    wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP:-10s}" -s "$script" "$url" >/dev/null  # warm-up: JIT, pools, cache
    : >"$out/$name.txt"
    for i in $(seq 1 "$RUNS"); do
        wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$script" "$url" | grep '^RESULT' | tee -a "$out/$name.txt" | sed "s/^/  $name run $i: /"
    done
    lines=$(cat "$out/$name.txt")
    printf '%-28s median rps=%s p50_ms=%s p99_ms=%s\n' "$name" \
        "$(grep -o 'rps=[0-9.]*' <<<"$lines" | cut -d= -f2 | median)" \
        "$(grep -o 'p50_ms=[0-9.]*' <<<"$lines" | cut -d= -f2 | median)" \
        "$(grep -o 'p99_ms=[0-9.]*' <<<"$lines" | cut -d= -f2 | median)" | tee -a "$out/summary.txt"
}

: >"$out/summary.txt"
echo "wrk -t$THREADS -c$CONNS -d$DURATION, $RUNS runs per scenario, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
start_app pooled
c="http://127.0.0.1:$cache_port"; n="http://127.0.0.1:$nocache_port"
curl -fs -X POST "$c/cache/warm?top=1005" >/dev/null
scenario cache-hit-product-1 "$c/product/1" "$here/report.lua"
scenario cache-random-1..1005 "$c/" "$here/random-ids.lua"
scenario no-cache-pooled-product-1 "$n/product/1" "$here/report.lua"
scenario no-cache-pooled-random "$n/" "$here/random-ids.lua"
python3 "$here/improvement.py" "$c" "$n" 100 | tee -a "$out/summary.txt"
stop_app

start_app per-request
c="http://127.0.0.1:$cache_port"; n="http://127.0.0.1:$nocache_port"
scenario no-cache-per-request-product-1 "$n/product/1" "$here/report.lua"
python3 "$here/improvement.py" "$c" "$n" 100 | sed 's/^IMPROVEMENT/IMPROVEMENT(per-request baseline)/' | tee -a "$out/summary.txt"
stop_app
echo "summary in $out/summary.txt"

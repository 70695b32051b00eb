#!/usr/bin/env bash
# Cache hits of the reference app against the bare Javalin + JedisPool yardstick, interleaved
# (app, bare, app, bare, ...) on the same embedded Redis, so machine noise hits both alike.
#
#   bash bench/reference-app/ab.sh            # ROUNDS=3 DURATION=8s, wrk -t2 -c10
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
out=${OUT:-target/bench-reference-app-ab}
mkdir -p "$out/classes"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
mvn -q -B -o -pl reference-app compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/cp.txt" -Dmdep.includeScope=runtime >/dev/null
cp="reference-app/target/classes:$(cat "$out/cp.txt")"
javac -d "$out/classes" -cp "$cp" bench/reference-app/BareJedisEndpoint.java

port() { python3 -c 'import random,socket
while True:
    p=random.randint(10000,32767); s=socket.socket()
    try: s.bind(("127.0.0.1",p)); s.close(); print(p); break
    except OSError: pass'; }
app_port=$(port); base_port=$(port); bare_port=$(port)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done' EXIT
java -cp "$cp" labapp.Main --embedded --mode cache --cache-port "$app_port" >"$out/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$app_port/health" >/dev/null 2>&1 && break; sleep 0.5; done
redis_port=$(grep -o 'Redis on 127.0.0.1:[0-9]*' "$out/app.log" | cut -d: -f2)
java -cp "$out/classes:$cp" BareJedisEndpoint "$redis_port" "$bare_port" >"$out/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$bare_port/product/1" >/dev/null 2>&1 && break; curl -fs "http://127.0.0.1:$app_port/product/1" >/dev/null; sleep 0.5; done
for url in "http://127.0.0.1:$app_port/product/1" "http://127.0.0.1:$bare_port/product/1"; do
    wrk -t2 -c10 -d8s "$url" >/dev/null   # warm-up
done
for i in $(seq 1 "$ROUNDS"); do
    for who in app bare; do
        p=$app_port; [[ $who == bare ]] && p=$bare_port
        echo "$who round $i load $(cut -d' ' -f1 /proc/loadavg): $(wrk -t2 -c10 -d"$DURATION" --latency \
            -s bench/reference-app/report.lua "http://127.0.0.1:$p/product/1" | grep '^RESULT')"
    done
done | tee "$out/ab.txt"

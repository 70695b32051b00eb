#!/usr/bin/env bash
# `labcheck doctor` against the reference app, JVM start included, timed ROUNDS times: the apps, Redis
# and MariaDB on free ports (Debian's servers, seeded by reference-app.jar, as bench/check/run.sh sets
# them up) and moto for AWS (the permission probe, 12 calls, and the endpoint lookup). Prints each
# round's wall time and exit code, the median, and the load average around the runs.
#
#   bench/doctor/run.sh                                   # checker/target/labcheck.jar, 5 rounds
#   ROUNDS=9 bench/doctor/run.sh /tmp/labcheck-main.jar
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${ROUNDS:-5}"
LAB_JAR="${LAB_JAR:-reference-app/target/reference-app.jar}"
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=(checker/target/labcheck.jar)
for j in "$LAB_JAR" "${JARS[@]}"; do
    [ -f "$j" ] || { echo "$j does not exist: build it with mvn -B -DskipTests package" >&2; exit 2; }
done
. bench/common.sh
W=$(mktemp -d /tmp/labcheck-bench-doctor.XXXXXX)
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap stop EXIT
MP=$(free_port)
python3 -m moto.server -H 127.0.0.1 -p "$MP" > "$W/moto.log" 2>&1 &
PIDS+=($!)
start_reference_lab "$LAB_JAR"
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$MP/moto-api/" >/dev/null && break; sleep 0.2; done
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_EC2_METADATA_DISABLED=true
echo "$(nproc) cores, $(java -version 2>&1 | head -1), uptime before: $(uptime)"
echo "| round | jar | exit | wall s |"
echo "|---|---|---|---|"
TIMES=()
for r in $(seq 1 "$ROUNDS"); do
    for j in "${JARS[@]}"; do
        t0=$(date +%s.%N)
        set +e
        java -jar "$j" doctor --app "http://127.0.0.1:$CP" --baseline "http://127.0.0.1:$NP" --redis "127.0.0.1:$RP" \
            --db-url "$DB_URL" --db-user admin --region us-east-1 --endpoint-url "http://127.0.0.1:$MP" \
            > "$W/doctor.log" 2>&1
        rc=$?
        set -e
        t1=$(date +%s.%N)
        s=$(echo "$t1 - $t0" | bc)
        TIMES+=("$s")
        printf '| %s | %s | %s | %.2f |\n' "$r" "$(basename "$j")" "$rc" "$s"
    done
done
echo "median wall s: $(median "${TIMES[@]}")"
echo "uptime after: $(uptime)"
echo "last run's lines:"; cat "$W/doctor.log"

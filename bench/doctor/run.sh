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
command -v redis-server >/dev/null && command -v mariadbd >/dev/null \
    || { echo "needs Debian's redis-server and mariadb-server: apt-get install -y redis-server mariadb-server" >&2; exit 2; }
free_port() { python3 -c 'import socket,random
while True:
    p = random.randint(20000, 32000); s = socket.socket()
    try: s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError: pass'; }
W=$(mktemp -d /tmp/labcheck-bench-doctor.XXXXXX)
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap stop EXIT
MP=$(free_port)
python3 -m moto.server -H 127.0.0.1 -p "$MP" > "$W/moto.log" 2>&1 &
PIDS+=($!)
RP=$(free_port); DP=$(free_port); CP=$(free_port); NP=$(free_port)
redis-server --port "$RP" --bind 127.0.0.1 --save "" --appendonly no --dir "$W" > "$W/redis.log" 2>&1 &
PIDS+=($!)
mariadb-install-db --datadir="$W/db" --user=root --auth-root-authentication-method=normal > "$W/install.log" 2>&1
mariadbd --datadir="$W/db" --port="$DP" --socket="$W/db.sock" --bind-address=127.0.0.1 --user=root \
    --skip-log-bin > "$W/db.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do mariadb -S "$W/db.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
DB_PASSWORD="bench-$RANDOM$RANDOM"
mariadb -S "$W/db.sock" -uroot -e "CREATE USER 'admin'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL ON *.* TO 'admin'@'127.0.0.1'; CREATE DATABASE ecommerce"
export DB_URL="jdbc:mysql://127.0.0.1:$DP/ecommerce" DB_USER=admin DB_PASSWORD REDIS_URL="redis://127.0.0.1:$RP"
java -jar "$LAB_JAR" seed > "$W/seed.log" 2>&1
java -jar "$LAB_JAR" --mode both --bind 127.0.0.1 --cache-port "$CP" --no-cache-port "$NP" --no-cache-db per-request \
    > "$W/app.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$CP/health" >/dev/null && break; sleep 0.2; done
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
echo "median wall s: $(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
echo "uptime after: $(uptime)"
echo "last run's lines:"; cat "$W/doctor.log"

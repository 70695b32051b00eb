#!/usr/bin/env bash
# One `labcheck check` of the reference app, JVM start included, timed ROUNDS times for each
# labcheck given (alternating, so each sees the same load), with the time the database work timed
# beside the apps took inside it (issue 17) and where the probe's time went (app.phasesMs). Each
# argument is a jar (run as `java -jar JAR`) or a launcher script such as ./labcheck (run as it is,
# so its JVM options and class-data archive count). The lab: Debian's redis-server and
# mariadbd on free ports, seeded by reference-app.jar, the reference app with the seed's
# no-cache app (a connection per request); everything stopped by its PID at the end.
#
#   bench/check/run.sh                                    # checker/target/labcheck.jar, 5 rounds
#   ROUNDS=9 bench/check/run.sh /tmp/labcheck-main.jar checker/target/labcheck.jar
#   ROUNDS=5 bench/check/run.sh /tmp/labcheck-main.jar ./labcheck     # main's jar against the launcher
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
W=$(mktemp -d /tmp/labcheck-bench-check.XXXXXX)
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap stop EXIT
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
for j in "${JARS[@]}"; do
    # a launcher makes its class-data archive once per build: that is not a check's time, so it happens here
    case "$j" in *.jar) ;; *) "$j" --version > "$W/warm.log" 2>&1 ;; esac
done
echo "$(nproc) cores, $(java -version 2>&1 | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
echo "| round | labcheck | load (1 min) | exit | wall s | CPU s | app marks | database work timed, ms | probe ms | phases of 100 ms or more |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
    for j in "${JARS[@]}"; do
        out="$W/out"; rm -rf "$out"
        run=(java -jar "$j"); case "$j" in *.jar) ;; *) run=("$j") ;; esac
        load=$(cut -d' ' -f1 /proc/loadavg)
        t0=$(date +%s.%N)
        set +e
        /usr/bin/time -f '%U %S' -o "$W/cpu" "${run[@]}" check --app "http://127.0.0.1:$CP" --baseline "http://127.0.0.1:$NP" --redis "127.0.0.1:$RP" \
            --db-url "$DB_URL" --db-user admin --out "$out" > "$W/check.log" 2>&1
        rc=$?
        set -e
        t1=$(date +%s.%N)
        extra=$(python3 - "$out/evidence.json" "$out/scoresheet.json" <<'EOF'
import json, sys
e = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
app = [i for i in s["items"] if i["id"] in ("app-connects", "lazy-loading", "ttl", "improvement", "hit-ratio")]
marks = "%g / %g" % (sum(i["marks"] for i in app), sum(i["max"] for i in app))
t = e["app"]["value"].get("timing", {}).get("value", {}).get("database")
if not t or "value" not in t:
    work = "not timed"
else:
    p, c = t["value"]["pooled"], t["value"]["connectAndQuery"]
    work = "%.1f" % (p["count"] * p["mean"] + c["count"] * c["mean"])
a = e["app"]["value"]
phases = ", ".join("%s %d" % (k, v) for k, v in (a.get("phasesMs") or {}).items() if v >= 100) or "not recorded"
print("%s | %s | %d | %s" % (marks, work, a["durationMs"], phases))
EOF
)
        cpu=$(tail -1 "$W/cpu" | awk '{ printf "%.1f", $1 + $2 }')
        printf '| %s | %s | %s | %s | %.2f | %s | %s |\n' "$r" "$(basename "$j")" "$load" "$rc" "$(echo "$t1 - $t0" | bc)" \
            "$cpu" "$extra"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

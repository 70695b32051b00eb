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
. bench/common.sh
W=$(mktemp -d /tmp/labcheck-bench-check.XXXXXX)
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap stop EXIT
start_reference_lab "$LAB_JAR"
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

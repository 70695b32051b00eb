#!/usr/bin/env bash
# Issue 6's batch benchmark: STUDENTS students graded by `labcheck batch` against APPS reference-app
# instances (each on its own embedded Redis + MariaDB) and, unless AWS=0, a moto server holding the
# lab, so every student also goes through the AWS collector. Each run is timed by /usr/bin/time -v
# (wall time, max RSS) with the JVM's GC log (peak heap); prints one summary line per run, then the
# medians.
#
#   bench/batch/run.sh                                  # 100 students, 10 apps, --jobs 10, 3 runs, moto
#   STUDENTS=20 APPS=4 RUNS=1 AWS=0 bench/batch/run.sh  # smaller, app probe only
#   JOBS=20 EXTRA_ARGS="--budget 90s" bench/batch/run.sh
#   APP_ARGS="--no-cache-db pooled" bench/batch/run.sh   # the no-cache apps without a connection per request
#   VARIANTS="none;-XX:TieredStopAtLevel=1" RUNS=2 bench/batch/run.sh  # JVM options in turns, same apps
#
# The embedded MariaDB's read-only password is generated per instance and not printed, so the
# roster gives no db_url: the probe's database comparisons are unverifiable, as for a student
# who gives no DB access. Every student is sent to the same moto account (the summary flags it).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
. bench/common.sh
STUDENTS="${STUDENTS:-100}"
APPS="${APPS:-10}"
JOBS="${JOBS:-$APPS}"
RUNS="${RUNS:-3}"
AWS="${AWS:-1}"
EXTRA_ARGS="${EXTRA_ARGS:-}"
APP_ARGS="${APP_ARGS:-}"     # e.g. "--no-cache-db pooled" for a cheaper no-cache app
# labcheck's JVM options, ';'-separated sets run in turns within each run ("none": no option); one set by default
IFS=';' read -r -a VARIANT_LIST <<<"${VARIANTS:-none}"
WORK="${WORK:-$(mktemp -d /tmp/labcheck-batchbench.XXXXXX)}"
CHECKER="$ROOT/checker/target/labcheck.jar"
APPJAR="$ROOT/reference-app/target/reference-app.jar"

[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
if [ ! -f "$CHECKER" ] || [ ! -f "$APPJAR" ]; then
    echo "building the jars (mvn package)..." >&2
    mvn -q -B -DskipTests package
fi

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # leave through the EXIT trap; a bare cleanup trap would carry on afterwards

wait_for() {  # file pattern seconds
    local i
    for ((i = 0; i < $3 * 2; i++)); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then
            echo "the process writing $1 exited before '$2':" >&2
            grep -v '^\s*at ' "$1" | tail -8 >&2
            return 1
        fi
        sleep 0.5
    done
    echo "timed out waiting for '$2' in $1:" >&2
    tail -20 "$1" >&2
    return 1
}

echo "work dir $WORK; load average before starting: $(cut -d' ' -f1-3 /proc/loadavg)"
CACHE=(); BASE=(); REDIS=(); APP_PID=()
start_app() {  # index
    CACHE[$1]=$(free_port); BASE[$1]=$(free_port)
    java -Xmx256m -jar "$APPJAR" --embedded --bind 127.0.0.1 --cache-port "${CACHE[$1]}" \
        --no-cache-port "${BASE[$1]}" $APP_ARGS >"$WORK/app-$1.log" 2>&1 &
    APP_PID[$1]=$!
    PIDS+=($!)
}
for ((i = 0; i < APPS; i++)); do start_app "$i"; done
for ((i = 0; i < APPS; i++)); do
    # Ten embedded MariaDBs installing at once on a loaded machine occasionally fail
    # (mariadb-install-db: "Error on delete of '/tmp/#sql-temptable-...'"): one retry, alone.
    if ! wait_for "$WORK/app-$i.log" "no-cache app" 240 "${APP_PID[$i]}"; then
        echo "retrying app $i" >&2
        start_app "$i"
        wait_for "$WORK/app-$i.log" "no-cache app" 240 "${APP_PID[$i]}"
    fi
    REDIS[$i]="$(sed -n 's/^embedded Redis on \([0-9.:]*\),.*/\1/p' "$WORK/app-$i.log")"
done
echo "$APPS reference apps up"

if [ "$AWS" = 1 ]; then
    mp=$(free_port)
    python3 -m moto.server -H 127.0.0.1 -p "$mp" >"$WORK/moto.log" 2>&1 &
    PIDS+=($!)
    wait_for "$WORK/moto.log" "Running on" 60
    python3 bench/batch/moto_lab.py "http://127.0.0.1:$mp"
    export AWS_ENDPOINT_URL="http://127.0.0.1:$mp" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
    export AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
    unset AWS_PROFILE AWS_SESSION_TOKEN
fi

ROSTER="$WORK/roster.csv"
echo "student_id,name,region,app_url,baseline_url,redis" >"$ROSTER"
for ((s = 1; s <= STUDENTS; s++)); do
    i=$(((s - 1) % APPS))
    region=""; [ "$AWS" = 1 ] && region="us-east-1"
    printf 's%03d,Student %d,%s,http://127.0.0.1:%s,http://127.0.0.1:%s,%s\n' \
        "$s" "$s" "$region" "${CACHE[$i]}" "${BASE[$i]}" "${REDIS[$i]}" >>"$ROSTER"
done

CMD="java -Xlog:gc:file=GCLOG -jar $CHECKER batch $ROSTER --out OUT --jobs $JOBS --progress lines $EXTRA_ARGS"
echo "command: /usr/bin/time -v $CMD"
WALLS=(); RSS=(); HEAPS=()
for ((r = 1; r <= RUNS; r++)); do
  for ((v = 0; v < ${#VARIANT_LIST[@]}; v++)); do
    opts="${VARIANT_LIST[$v]}"; [ "$opts" = none ] && opts=""
    label="$r"; [ ${#VARIANT_LIST[@]} -gt 1 ] && label="$r.$((v + 1)) (${VARIANT_LIST[$v]})"
    out="$WORK/results-$r-$v"; gclog="$WORK/gc-$r-$v.log"
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    set +e
    # shellcheck disable=SC2086 # opts is a list of JVM options
    /usr/bin/time -v -o "$WORK/time-$r-$v.txt" java $opts "-Xlog:gc:file=$gclog" -jar "$CHECKER" batch "$ROSTER" \
        --out "$out" --jobs "$JOBS" --progress lines $EXTRA_ARGS >"$WORK/batch-$r-$v.log" 2>&1
    rc=$?
    set -e
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    wall=$(wall_seconds "$WORK/time-$r-$v.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time-$r-$v.txt" | awk '{ printf "%d", $1 / 1024 }')
    # GC lines read "Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 4.2ms": the peak is the largest before-GC figure.
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.0f", s }' "$WORK/time-$r-$v.txt")
    heap=$(grep -o '[0-9]*M->[0-9]*M' "$gclog" | awk -F'M->' '{ if ($1 > m) m = $1 } END { printf "%d", m }')
    statuses=$(tail -n +2 "$out/marks.csv" 2>/dev/null | awk -F, '{ print $3 }' | sort | uniq -c | awk '{ printf "%s%s=%s", sep, $2, $1; sep = " " }')
    totals=$(tail -n +2 "$out/marks.csv" 2>/dev/null | awk -F, '{ t[$(NF - 1)]++ } END { for (k in t) { printf "%s%s/20 x%d", sep, k, t[k]; sep = " " } }')
    [ -f "$out/summary.html" ] && summary=yes || summary=NO
    echo "run $label: ${wall}s wall, max RSS ${rss} MiB, peak heap ${heap} MiB, labcheck CPU ${cpu}s, exit $rc, summary.html $summary," \
        "statuses [$statuses], totals [$totals], load $load_before -> $load_after"
    python3 bench/batch/profile.py "$out"
    WALLS+=("$wall"); RSS+=("$rss"); HEAPS+=("$heap")
  done
done

[ ${#VARIANT_LIST[@]} -le 1 ] || echo "(the medians below mix the variants: compare them run by run above)"
echo "median of $RUNS: $STUDENTS students, $APPS apps, --jobs $JOBS, aws=$AWS: $(median "${WALLS[@]}")s wall," \
    "max RSS $(median "${RSS[@]}") MiB, peak heap $(median "${HEAPS[@]}") MiB ($(nproc) cores, $(java -version 2>&1 | head -1))"

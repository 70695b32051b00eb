#!/usr/bin/env bash
# Issue 19's collection benchmark: `labcheck batch --collect-only` for STUDENTS students against a moto
# server holding the lab (bench/batch/moto_lab.py), the AWS evidence of the whole cohort at a deadline.
# Its peer in the same run: `labcheck batch` on the same roster, which collects the same AWS evidence
# and grades it (the roster names no app, so nothing is probed). Each is timed RUNS times by
# /usr/bin/time -v, alternately; prints one line per run, then the medians and their ratio, then the
# time `labcheck verify` takes over the sealed results of the last collection.
#
#   bench/collect/run.sh                          # 100 students, --jobs 8 (the default: 4 per core), 3 runs
#   STUDENTS=20 RUNS=1 bench/collect/run.sh
#   JOBS=16 EXTRA_ARGS="--deadline 2026-12-05T17:00:00Z" bench/collect/run.sh
#
# Target (issue 19): 100 students collected in at most 60 s on a 2-core machine. Every student is sent
# to the same moto account, as in bench/batch (the summary flags it). moto 5.2 has no CloudTrail
# LookupEvents: with --deadline each student's lookup fails (HTTP 500, retried by the SDK) and the
# evidence says so, which measures the retries rather than CloudTrail.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
. bench/common.sh
STUDENTS="${STUDENTS:-100}"
JOBS="${JOBS:-$((4 * $(nproc)))}"
RUNS="${RUNS:-3}"
EXTRA_ARGS="${EXTRA_ARGS:-}"
WORK="${WORK:-$(mktemp -d /tmp/labcheck-collectbench.XXXXXX)}"
CHECKER="$ROOT/checker/target/labcheck.jar"

[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
if [ ! -f "$CHECKER" ]; then
    echo "building labcheck.jar (mvn package)..." >&2
    mvn -q -B -DskipTests package
fi

MOTO_PID=""
cleanup() {
    if [ -n "$MOTO_PID" ]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "work dir $WORK; load average before starting: $(cut -d' ' -f1-3 /proc/loadavg)"
mp=$(free_port)
python3 -m moto.server -H 127.0.0.1 -p "$mp" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
for _ in $(seq 1 120); do grep -q "Running on" "$WORK/moto.log" 2>/dev/null && break; sleep 0.5; done
grep -q "Running on" "$WORK/moto.log" || { echo "moto did not start:" >&2; tail -5 "$WORK/moto.log" >&2; exit 1; }
python3 bench/batch/moto_lab.py "http://127.0.0.1:$mp"
export AWS_ENDPOINT_URL="http://127.0.0.1:$mp" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN

ROSTER="$WORK/roster.csv"
echo "student_id,name,region" >"$ROSTER"
for ((s = 1; s <= STUDENTS; s++)); do printf 's%03d,Student %d,us-east-1\n' "$s" "$s" >>"$ROSTER"; done

timed() {  # name run args...: one timed batch, one summary line
    local name=$1 r=$2; shift 2
    local out="$WORK/$name-$r" before after rc wall cpu statuses
    before=$(cut -d' ' -f1-3 /proc/loadavg)
    set +e
    /usr/bin/time -v -o "$WORK/time-$name-$r.txt" java -jar "$CHECKER" batch "$ROSTER" --out "$out" \
        --jobs "$JOBS" --progress lines "$@" $EXTRA_ARGS >"$WORK/$name-$r.log" 2>&1
    rc=$?
    set -e
    after=$(cut -d' ' -f1-3 /proc/loadavg)
    wall=$(wall_seconds "$WORK/time-$name-$r.txt")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.0f", s }' "$WORK/time-$name-$r.txt")
    statuses=$(tail -n +2 "$out/marks.csv" 2>/dev/null | awk -F, '{ print $3 }' | sort | uniq -c \
        | awk '{ printf "%s%s=%s", sep, $2, $1; sep = " " }')
    echo "$name run $r: ${wall}s wall, labcheck CPU ${cpu}s, exit $rc, statuses [$statuses], load $before -> $after" >&2
    echo "$wall"
}

echo "command: java -jar $CHECKER batch $ROSTER --out OUT --jobs $JOBS --collect-only $EXTRA_ARGS"
echo "peer:    java -jar $CHECKER batch $ROSTER --out OUT --jobs $JOBS $EXTRA_ARGS"
COLLECT=(); GRADE=()
for ((r = 1; r <= RUNS; r++)); do
    COLLECT+=("$(timed collect "$r" --collect-only)")
    GRADE+=("$(timed grade "$r")")
done

mc=$(median "${COLLECT[@]}"); mg=$(median "${GRADE[@]}")
/usr/bin/time -v -o "$WORK/time-verify.txt" java -jar "$CHECKER" verify "$WORK/collect-$RUNS" >"$WORK/verify.log" 2>&1 \
    || { echo "labcheck verify failed on the collected results:" >&2; cat "$WORK/verify.log" >&2; exit 1; }
echo "median of $RUNS: $STUDENTS students, --jobs $JOBS: collect-only ${mc}s wall; collect and grade (peer) ${mg}s;" \
    "ratio $(awk -v a="$mc" -v b="$mg" 'BEGIN { printf "%.2f", a / b }'); labcheck verify $(wall_seconds "$WORK/time-verify.txt")s" \
    "($(nproc) cores, $(java -version 2>&1 | head -1), load now $(cut -d' ' -f1-3 /proc/loadavg))"

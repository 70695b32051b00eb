#!/usr/bin/env bash
# The probe's load generator beside wrk, same concurrency, same target, one run.
# Target: the contract app (checker test code) on embedded Redis + MariaDB, GET /product/42
# (a cache hit). Prints a Markdown table for docs/benchmarks.md.
#
#   bench/probe/run.sh                      # concurrency 50 and 200, 10 s each, 2 rounds
#   SECONDS_EACH=5 ROUNDS=1 CONCURRENCY=100 bench/probe/run.sh
#   URL=http://127.0.0.1:8081/product/42 bench/probe/run.sh   # any running app, e.g. the reference app
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
SECONDS_EACH="${SECONDS_EACH:-10}"
ROUNDS="${ROUNDS:-2}"
CONCURRENCY="${CONCURRENCY:-50,200}"
URL="${URL:-}"
mvn -q -B -o -pl checker -am test -Dtest=ProbeLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Dlabcheck.bench=1 -Dlabcheck.bench.seconds=$SECONDS_EACH -Dlabcheck.bench.rounds=$ROUNDS -Dlabcheck.bench.concurrency=$CONCURRENCY -Dlabcheck.bench.url=$URL"
echo "$(nproc) cores, $(uname -r), $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1)"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
sed -n '/BENCH-RESULTS-BEGIN/,/BENCH-RESULTS-END/p' checker/target/surefire-reports/labcheck.probe.ProbeLoadBenchmark-output.txt \
    | grep -v BENCH-RESULTS

#!/usr/bin/env bash
# Issue 11's figure: item 6's client timings taken on the instance (curl over SSH) against the
# same requests timed through the SSH tunnel (the instance without curl). One reference app on
# embedded Redis + MariaDB (the "instance" is this machine), Debian's sshd on a free loopback
# port twice: as is, and with PATH emptied so curl is missing. RUNS runs each; prints the
# measured medians and p95s (ms) of both apps per run, from evidence.json.
#
#   bench/ssh/run.sh             # 3 runs each
#   RUNS=5 bench/ssh/run.sh
#
# On loopback the tunnel costs only the SSH channel; across the internet it adds the round trip
# as well, so this is the smallest the difference gets.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
RUNS="${RUNS:-3}"
WORK="$(mktemp -d /tmp/labcheck-sshbench.XXXXXX)"
CHECKER="$ROOT/checker/target/labcheck.jar"
APPJAR="$ROOT/reference-app/target/reference-app.jar"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import random,socket
for _ in range(100):
    p=random.randint(20000,32000); s=socket.socket()
    try: s.bind(("127.0.0.1",p)); print(p); break
    except OSError: pass
    finally: s.close()'; }

mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$WORK/host"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/user"
cp "$WORK/user.pub" "$WORK/authorized_keys"
start_sshd() { # start_sshd PORT EXTRA_LINE
    cat > "$WORK/sshd_$1" <<CFG
Port $1
ListenAddress 127.0.0.1
HostKey $WORK/host
AuthorizedKeysFile $WORK/authorized_keys
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PasswordAuthentication no
$2
CFG
    /usr/sbin/sshd -D -e -f "$WORK/sshd_$1" > "$WORK/sshd_$1.log" 2>&1 &
    pids+=($!)
}
WITH=$(free_port); start_sshd "$WITH" ""
WITHOUT=$(free_port); start_sshd "$WITHOUT" "SetEnv PATH=/nonexistent"
CP=$(free_port); NP=$(free_port)
java -jar "$APPJAR" --embedded --cache-port "$CP" --no-cache-port "$NP" > "$WORK/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do grep -q "stop with Ctrl-C" "$WORK/app.log" && break; sleep 0.2; done
grep -q "stop with Ctrl-C" "$WORK/app.log" || { echo "the reference app did not start" >&2; cat "$WORK/app.log" >&2; exit 1; }

summary() { python3 - "$1" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["app"]["value"]["timing"]["value"]
a, b = t["appClient"], t["baselineClient"]
print(f'{t.get("clientAt","this host")[:40]:40s} cache p50 {a["p50"]:6.2f} p95 {a["p95"]:6.2f} | '
      f'no-cache p50 {b["p50"]:6.2f} p95 {b["p95"]:6.2f} | saving {t["measuredSavingMs"]:5.2f} '
      f'[{t["measuredSavingLowMs"]:.2f}, {t["measuredSavingHighMs"]:.2f}] ms, pairs {t["pairs"]}')
PY
}
for run in $(seq "$RUNS"); do
    for port in "$WITH" "$WITHOUT"; do
        out="$WORK/out-$run-$port"
        java -jar "$CHECKER" check --ssh "root@127.0.0.1:$port" --ssh-key "$WORK/user" \
            --ssh-known-hosts "$WORK/kh" --ssh-accept-new --app "http://127.0.0.1:$CP" \
            --baseline "http://127.0.0.1:$NP" --out "$out" > /dev/null 2>&1 || true
        summary "$out/evidence.json"
    done
done

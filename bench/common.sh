# Helpers the benchmark scripts share; source it from a script under bench/<name>/.

USED_PORTS=" "
# A free TCP port on 127.0.0.1 below 32768 (the kernel's ephemeral range starts there), never one handed out before.
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 12000))
        case "$USED_PORTS" in *" $p "*) continue ;; esac
        if python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1',$p)); s.close()" 2>/dev/null; then
            USED_PORTS="$USED_PORTS$p "
            echo "$p"
            return
        fi
    done
}

# The median of the numbers given.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# The wall clock a `/usr/bin/time -v -o FILE` report holds, in seconds.
wall_seconds() {
    sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" \
        | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}

# The reference app (cache app and the seed's no-cache app, a connection per request) on Debian's
# redis-server and mariadbd, each on a free port, under the work directory $W; every process it starts
# is appended to PIDS for the caller's EXIT trap. Sets RP, DP, CP, NP and exports DB_URL, DB_USER,
# DB_PASSWORD (generated, never printed) and REDIS_URL.
#   start_reference_lab reference-app/target/reference-app.jar
start_reference_lab() {
    local lab_jar=$1
    command -v redis-server >/dev/null && command -v mariadbd >/dev/null \
        || { echo "needs Debian's redis-server and mariadb-server: apt-get install -y redis-server mariadb-server" >&2; exit 2; }
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
    java -jar "$lab_jar" seed > "$W/seed.log" 2>&1
    java -jar "$lab_jar" --mode both --bind 127.0.0.1 --cache-port "$CP" --no-cache-port "$NP" \
        --no-cache-db per-request > "$W/app.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$CP/health" >/dev/null && break; sleep 0.2; done
}

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

#!/usr/bin/env python3
"""The lab's Phase 6 figure, done as performance_test.sh does it but without curl and bc:
N sequential GET /product/1 on each app, average of the server's response_time_ms, and
improvement = (no_cache - cache) / no_cache * 100. Also the client-observed p50 of each."""
import json
import statistics
import sys
import time
import urllib.request


def run(base, n):
    server, client = [], []
    for _ in range(n):
        t = time.perf_counter()
        with urllib.request.urlopen(base + "/product/1", timeout=10) as r:
            body = json.load(r)
        client.append((time.perf_counter() - t) * 1000)
        server.append(body["response_time_ms"])
    return statistics.mean(server), statistics.median(client), statistics.median(server)


def main():
    cache, no_cache, n = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 100
    urllib.request.urlopen(cache + "/product/1", timeout=10).read()  # the first request: a miss
    nc_server, nc_p50, nc_med = run(no_cache, n)
    c_server, c_p50, c_med = run(cache, n)
    improvement = (nc_server - c_server) / nc_server * 100 if nc_server > 0 else 0.0
    by_median = (nc_med - c_med) / nc_med * 100 if nc_med > 0 else 0.0
    print("IMPROVEMENT no_cache_avg_ms=%.3f cache_avg_ms=%.3f improvement_pct=%.1f "
          "(by server medians %.1f) client_p50_no_cache_ms=%.3f client_p50_cache_ms=%.3f"
          % (nc_server, c_server, improvement, by_median, nc_p50, c_p50))


if __name__ == "__main__":
    main()

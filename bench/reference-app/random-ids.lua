-- wrk script: GET /product/<id> with id uniform over the lab's 1..1005, then the RESULT line.
math.randomseed(1005)
request = function()
  return wrk.format("GET", "/product/" .. math.random(1, 1005))
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end

-- Appended to every deploy/bench wrk script: p50/p95/p99 in microseconds (wrk --latency prints no p95).
function done(summary, latency, requests)
  io.write(string.format("Percentiles us: p50 %d p95 %d p99 %d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end

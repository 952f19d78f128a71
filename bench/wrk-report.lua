-- Used by bench/feed.sh: prints one machine-readable line at the end of a wrk run.
-- RESULT <requests> <duration_us> <p50_us> <p99_us> <socket_errors> <status_errors> <bytes>
-- status_errors counts responses that were not 2xx or 3xx. Only done() is defined, so wrk keeps its fast path.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status, summary.bytes))
end

-- wrk script of bench/serve-load.sh: POSTs the file $MAML_BODY as text/markdown and counts the
-- answers that are not 2xx, split into deliberate refusals (429, 503) and the rest; wrk itself only
-- reports one total. Prints one RESULT line that the script reads, and the first two bodies of
-- the rest per thread on stderr.
local f = assert(io.open(os.getenv("MAML_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/markdown"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  deliberate = 0
  other = 0
end

function response(status, headers, body)
  if status == 429 or status == 503 then
    deliberate = deliberate + 1
  elseif status < 200 or status > 299 then
    other = other + 1
    if other <= 2 then -- say what went wrong: the script keeps these lines beside wrk's output
      io.stderr:write("OTHER " .. status .. " " .. body .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local d, o = 0, 0
  for _, t in ipairs(threads) do
    d = d + t:get("deliberate")
    o = o + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f deliberate=%d other=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, d, o, e.connect + e.read + e.write + e.timeout))
end

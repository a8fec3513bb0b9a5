-- wrk script for the load benchmark (test/bench/load.ts): one connection per
-- thread, each thread on an assessment of its own, so that a save always
-- carries the revision its connection last saw (saves are not all 409s).
--
--   wrk -t8 -c8 -d8s -s assessment.lua http://host:port -- <ids file> <cookie> <get|get-br|save|mixed>
--
-- get-br: the GET a browser makes, accepting brotli (what the questionnaire's
-- reads cost in practice; plain "get" measures the uncompressed path).
--
-- The ids file holds "<id> <revision>" lines, one per thread.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end

function init(args)
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if n == index then
      local i, r = line:match("(%S+)%s+(%d+)")
      id, rev = i, tonumber(r)
    end
  end
  cookie = args[2]
  mode = args[3]
  path = "/api/assessments/" .. id
  k = 0
  stale = 0
end

function request()
  k = k + 1
  -- mixed: three reads to one save, like a respondent answering and looking.
  if mode == "get-br" then
    last = "get"
    return wrk.format("GET", path, { Cookie = cookie, ["Accept-Encoding"] = "gzip, deflate, br" })
  end
  if mode == "get" or (mode == "mixed" and k % 4 ~= 0) then
    last = "get"
    return wrk.format("GET", path, { Cookie = cookie })
  end
  last = "save"
  local body = string.format(
    '{"revision":%d,"answers":{"c4.1.scope":%s,"c4.1.processes":%d,' ..
      '"c4.2.3.manual-issued":{"files":[],"ref":"QM-01","note":"save %d"}}}',
    rev, (k % 2 == 0) and "true" or "false", k % 4, k)
  return wrk.format("PATCH", path, { Cookie = cookie, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if last ~= "save" then return end
  local r
  if status == 200 then
    r = body:match('"revision":(%d+)')
  elseif status == 409 then
    stale = stale + 1
    r = body:match('"currentRevision":(%d+)')
  end
  if r then rev = tonumber(r) end
end

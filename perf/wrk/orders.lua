-- wrk script: POST /api/v1/orders with a unique clOrdId per request, over the eight accounts of
-- load-profile.yaml, buys and sells around 100 that cross (the book stays small).
-- Usage: wrk -t2 -c32 -d20s -s perf/wrk/orders.lua http://127.0.0.1:8080
-- Prints non-2xx answers as errors (wrk counts them in "Non-2xx or 3xx responses").
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  -- wrk's Lua starts every run with the same random sequence: the run's time makes the prefix unique
  -- (a resend of an earlier run's clOrdId would be answered 200 as a resend, not placed)
  local now = os.time()
  math.randomseed(now * 16 + id)
  prefix = string.format("%x-%d-%d-", now, id, math.random(1, 1000000000))
  n = 0
end

function request()
  n = n + 1
  local buy = (n % 2 == 0)
  local side = buy and "BUY" or "SELL"
  local price = buy and (100 + n % 3) or (100 - n % 3)
  local key = string.format("load-key-00000000%d", (n + id) % 8 + 1)
  local body = string.format('{"clOrdId":"%s%d","symbol":"TEST","side":"%s","type":"LIMIT","price":"%d","qty":"1"}',
    prefix, n, side, price)
  return wrk.format("POST", "/api/v1/orders", {["Content-Type"] = "application/json", ["X-API-Key"] = key}, body)
end

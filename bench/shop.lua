-- wrk script for bench/bench.sh. One script, chosen by environment variables (wrk hands its
-- `-- args` only to init(), but whether bodies are parsed is decided from the top level):
--
--   BENCH_MODE=paths      GET each line of BENCH_PATHS in turn (list, search, detail, bare)
--   BENCH_MODE=cart-read  GET /api/cart as each shopper of BENCH_TOKENS in turn
--   BENCH_MODE=cart-add   POST /api/cart/items: the next shopper adds one of the next BENCH_PRODUCTS
--   BENCH_MODE=checkout   POST /api/orders once per shopper; a thread stops when its shoppers are used up
--   BENCH_MODE=register   POST /api/auth/register with fresh emails; tokens go to BENCH_OUT.<thread>
--
-- Threads split the shoppers (thread i of BENCH_THREADS takes every n-th token), so no two threads
-- share a shopper; every thread cycles through all of BENCH_PATHS. done() prints one line that bench.sh reads:
--   RESULT <requests/s> <p50 ms> <p99 ms> <requests> <non-2xx> <socket errors>
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *t);
]]

local function now()
  local t = ffi.new("timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

local mode = os.getenv("BENCH_MODE") or "paths"

local function lines(path)
  local all = {}
  for line in io.lines(path) do
    if line ~= "" then all[#all + 1] = line end
  end
  return all
end

-- ---------------------------------------------------------------- per thread (main state: setup/done)

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  threads[#threads + 1] = thread
end

-- ---------------------------------------------------------------- thread state

local mine, products, out = {}, {}, nil
local next_item, next_product = 0, 0
-- Globals, so done() can read them with thread:get().
started, finished, answered = nil, nil, 0

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  if mode == "paths" then
    mine = lines(os.getenv("BENCH_PATHS"))
  else
    for i, line in ipairs(lines(os.getenv("BENCH_TOKENS") or "/dev/null")) do
      if (i - 1) % count == index then mine[#mine + 1] = line end
    end
  end
  if #mine == 0 and mode ~= "register" then error("bench: nothing to send for " .. mode .. " on thread " .. index) end
  if mode == "cart-add" then products = lines(os.getenv("BENCH_PRODUCTS")) end
  if mode == "register" then out = io.open(os.getenv("BENCH_OUT") .. "." .. index, "w") end
end

local json = { ["Content-Type"] = "application/json" }

local function bearer(token)
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

local function take()
  next_item = next_item + 1
  return mine[(next_item - 1) % #mine + 1]
end

function request()
  started = started or now()
  if mode == "paths" then
    return wrk.format("GET", take())
  elseif mode == "cart-read" then
    return wrk.format("GET", "/api/cart", bearer(take()))
  elseif mode == "cart-add" then
    next_product = next_product + 1
    local product = products[(next_product - 1) % #products + 1]
    return wrk.format("POST", "/api/cart/items", bearer(take()),
      string.format('{"productId":"%s","quantity":1}', product))
  elseif mode == "checkout" then
    -- Out of shoppers: stop this thread (requests still in flight on it are not counted).
    if next_item >= #mine then
      finished = finished or now()
      wrk.thread:stop()
    end
    return wrk.format("POST", "/api/orders", bearer(take()),
      '{"shippingAddress":{"name":"Bench","phone":"13800138000","line1":"1 Bench Road","city":"Shanghai"}}')
  else -- register
    next_item = next_item + 1
    local email = string.format("bench-%s-%d-%d@example.com", os.getenv("BENCH_RUN") or "0", index, next_item)
    return wrk.format("POST", "/api/auth/register", json,
      string.format('{"email":"%s","password":"bench-password","name":"Bench"}', email))
  end
end

if mode == "register" or mode == "checkout" then
  function response(status, headers, body)
    answered = answered + 1
    finished = now()
    if out and status == 201 then
      local token = body:match('"token"%s*:%s*"([^"]+)"')
      if token then out:write(token, "\n"); out:flush() end
    end
  end
end

-- ---------------------------------------------------------------- report (main state)

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  if mode == "checkout" then
    -- The threads stop when their shoppers are used up: count the time they actually ran.
    local first, last, total = nil, nil, 0
    for _, t in ipairs(threads) do
      local s, f = t:get("started"), t:get("finished")
      if s and f then
        first = first and math.min(first, s) or s
        last = last and math.max(last, f) or f
      end
      total = total + (t:get("answered") or 0)
    end
    if first and last and last > first then seconds = last - first end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status, errors))
end

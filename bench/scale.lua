-- wrk script for bench/scale.sh. One script, chosen by environment variables:
--
--   BENCH_MODE=paths      GET each line of BENCH_PATHS in turn (with BENCH_AUTH as a bearer token, if set)
--   BENCH_MODE=cart-read  GET /api/cart as each shopper of BENCH_TOKENS in turn
--   BENCH_MODE=cart-add   POST /api/cart/items: shopper j (line j of BENCH_TOKENS, from 0) adds one of its
--                         five products, pool[(7j + r) mod |pool|] for r = 0..4 in turn (BENCH_POOL), so
--                         every cart keeps the five lines the generator gave it and only quantities grow
--   BENCH_MODE=post       POST the body of BENCH_BODY to BENCH_PATH with BENCH_AUTH (admin product creation)
--
-- Threads split the shoppers (thread i of BENCH_THREADS takes every n-th token), so no two threads
-- share a shopper. done() prints one line that scale.sh reads:
--   RESULT <requests/s> <p50 ms> <p99 ms> <requests> <non-2xx> <socket errors>
local mode = os.getenv("BENCH_MODE") or "paths"

local function lines(path)
  local all = {}
  for line in io.lines(path) do
    if line ~= "" then all[#all + 1] = line end
  end
  return all
end

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  threads[#threads + 1] = thread
end

local mine, shopper_number, pool, rounds = {}, {}, {}, {}
local next_item = 0
local headers = { ["Content-Type"] = "application/json" }
local body = nil

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  local auth = os.getenv("BENCH_AUTH")
  if auth and auth ~= "" then headers["Authorization"] = "Bearer " .. auth end
  if mode == "paths" then
    mine = lines(os.getenv("BENCH_PATHS"))
  elseif mode == "post" then
    mine = { os.getenv("BENCH_PATH") }
    local f = io.open(os.getenv("BENCH_BODY"), "r")
    body = f:read("*a")
    f:close()
  else
    for i, line in ipairs(lines(os.getenv("BENCH_TOKENS"))) do
      if (i - 1) % count == index then
        mine[#mine + 1] = line
        shopper_number[#mine] = i - 1
        rounds[#mine] = 0
      end
    end
    if mode == "cart-add" then pool = lines(os.getenv("BENCH_POOL")) end
  end
  if #mine == 0 then error("scale.lua: nothing to send for " .. mode .. " on thread " .. index) end
end

local function bearer(token)
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  next_item = next_item + 1
  local k = (next_item - 1) % #mine + 1
  if mode == "paths" then
    return wrk.format("GET", mine[k], headers)
  elseif mode == "post" then
    return wrk.format("POST", mine[1], headers, body)
  elseif mode == "cart-read" then
    return wrk.format("GET", "/api/cart", bearer(mine[k]))
  else -- cart-add
    local r = rounds[k]
    rounds[k] = r + 1
    local product = pool[(7 * shopper_number[k] + r % 5) % #pool + 1]
    return wrk.format("POST", "/api/cart/items", bearer(mine[k]),
      string.format('{"productId":"%s","quantity":1}', product))
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status, errors))
end

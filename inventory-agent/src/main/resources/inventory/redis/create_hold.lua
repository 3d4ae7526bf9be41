-- Places a hold in one atomic step: the idempotency key check, the stock check, the decrement, the hold record,
-- its entry in the expiry index and the binding of the key. Either all of it happens or nothing does.
-- The hold's times are Redis's own (TIME), so that agent instances whose clocks disagree agree on every expiry.
-- KEYS: 1 product hash, 2 hold hash, 3 expiry index (sorted set scored by expiry in ms),
--       4 idempotency key (not touched when ARGV[6] is empty),
--       5 the session's usage hash (units, holds), 6 the customer's (each not touched when its id is empty)
-- ARGV: 1 hold id, 2 sku, 3 location, 4 quantity, 5 ttl (ms), 6 idempotency key or '',
--       7 how long the key is kept (ms), 8 session id or '', 9 customer id or '',
--       10 most units per session, 11 most holds per session, 12 most units per customer, 13 most holds per customer
-- Returns {'created', hold id, remaining stock, created at (ms), expires at (ms)} | {'replayed', hold id}
--       | {'unknown_sku'} | {'short', stock} | {'quota', 'session'|'customer', units held, holds open}
if ARGV[6] ~= '' then
  local bound = redis.call('GET', KEYS[4])
  if bound then
    return {'replayed', bound}
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'unknown_sku'}
end
local quantity = tonumber(ARGV[4])
if quantity == nil or quantity < 1 then
  return redis.error_reply('quantity must be a positive integer')
end
local field = 'stock:' .. ARGV[3]
local stock = tonumber(redis.call('HGET', KEYS[1], field) or '0')
if stock < quantity then
  return {'short', tostring(stock)}
end
local function over(key, id, max_units, max_holds)
  if id == '' then
    return nil
  end
  local used = redis.call('HMGET', key, 'units', 'holds')
  local units = tonumber(used[1] or '0')
  local holds = tonumber(used[2] or '0')
  if units + quantity > tonumber(max_units) or holds + 1 > tonumber(max_holds) then
    return {tostring(units), tostring(holds)}
  end
  return nil
end
local session = over(KEYS[5], ARGV[8], ARGV[10], ARGV[11])
if session then
  return {'quota', 'session', session[1], session[2]}
end
local customer = over(KEYS[6], ARGV[9], ARGV[12], ARGV[13])
if customer then
  return {'quota', 'customer', customer[1], customer[2]}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local created_at = string.format('%d', now)
local expires_at = string.format('%d', now + tonumber(ARGV[5]))
local remaining = redis.call('HINCRBY', KEYS[1], field, -quantity)
redis.call('HINCRBY', KEYS[1], 'reserved', quantity)
redis.call('HSET', KEYS[2], 'sku', ARGV[2], 'location', ARGV[3], 'quantity', ARGV[4], 'status', 'held',
  'created_at', created_at, 'expires_at', expires_at, 'remaining_stock', tostring(remaining),
  'idempotency_key', ARGV[6], 'session_id', ARGV[8], 'customer_id', ARGV[9])
if ARGV[8] ~= '' then
  redis.call('HINCRBY', KEYS[5], 'units', quantity)
  redis.call('HINCRBY', KEYS[5], 'holds', 1)
end
if ARGV[9] ~= '' then
  redis.call('HINCRBY', KEYS[6], 'units', quantity)
  redis.call('HINCRBY', KEYS[6], 'holds', 1)
end
redis.call('ZADD', KEYS[3], expires_at, ARGV[1])
if ARGV[6] ~= '' then
  redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[7])
end
return {'created', ARGV[1], tostring(remaining), created_at, expires_at}

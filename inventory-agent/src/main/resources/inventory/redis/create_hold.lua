-- Places a hold in one atomic step: the idempotency key check, the stock check, the decrement, the hold record,
-- its entry in the expiry index and the binding of the key. Either all of it happens or nothing does.
-- The hold's times are Redis's own (TIME), so that agent instances whose clocks disagree agree on every expiry.
-- KEYS: 1 product hash, 2 hold hash, 3 expiry index (sorted set scored by expiry in ms),
--       4 idempotency key (not touched when ARGV[6] is empty)
-- ARGV: 1 hold id, 2 sku, 3 location, 4 quantity, 5 ttl (ms), 6 idempotency key or '',
--       7 how long the key is kept (ms)
-- Returns {'created', hold id, remaining stock, created at (ms), expires at (ms)} | {'replayed', hold id}
--       | {'unknown_sku'} | {'short', stock}
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
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local created_at = string.format('%d', now)
local expires_at = string.format('%d', now + tonumber(ARGV[5]))
local remaining = redis.call('HINCRBY', KEYS[1], field, -quantity)
redis.call('HINCRBY', KEYS[1], 'reserved', quantity)
redis.call('HSET', KEYS[2], 'sku', ARGV[2], 'location', ARGV[3], 'quantity', ARGV[4], 'status', 'held',
  'created_at', created_at, 'expires_at', expires_at, 'remaining_stock', tostring(remaining),
  'idempotency_key', ARGV[6])
redis.call('ZADD', KEYS[3], expires_at, ARGV[1])
if ARGV[6] ~= '' then
  redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[7])
end
return {'created', ARGV[1], tostring(remaining), created_at, expires_at}

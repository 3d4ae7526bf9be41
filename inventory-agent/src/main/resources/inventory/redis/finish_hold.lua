-- The one way out of 'held', for release, commit and expiry alike. The status check and the change happen in
-- one atomic step, so a hold's stock goes back at most once however many releases and reapers race for it.
-- A hold past its expiry can only expire (even when asked to be released or committed); expiry of a hold not
-- yet due changes nothing. A finished hold is kept for ARGV[3] ms for reads, then Redis forgets it.
-- Due means past its expiry by Redis's own clock (TIME), the clock its expiry was set by, whichever agent asks.
-- The hold's session and customer (when it names them) stop counting it; a usage hash at zero holds is deleted.
-- KEYS: 1 hold hash, 2 product hash, 3 expiry index, 4 the session's usage hash, 5 the customer's
-- ARGV: 1 hold id, 2 wanted status (released|committed|expired), 3 retention (ms)
-- Returns {status after the call, quantity this call gave back to stock} | {'unknown', '0'}
local hold = redis.call('HMGET', KEYS[1], 'status', 'quantity', 'location', 'expires_at', 'session_id',
  'customer_id')
local status = hold[1]
if not status then
  redis.call('ZREM', KEYS[3], ARGV[1])
  return {'unknown', '0'}
end
if status ~= 'held' then
  return {status, '0'}
end
local wanted = ARGV[2]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local due = tonumber(hold[4]) <= now
if wanted == 'expired' and not due then
  return {'held', '0'}
end
if due then
  wanted = 'expired'
end
local quantity = tonumber(hold[2])
local restored = 0
if wanted ~= 'committed' then
  redis.call('HINCRBY', KEYS[2], 'stock:' .. hold[3], quantity)
  restored = quantity
end
redis.call('HINCRBY', KEYS[2], 'reserved', -quantity)
local function uncount(key, id)
  if id and id ~= '' then
    redis.call('HINCRBY', key, 'units', -quantity)
    if redis.call('HINCRBY', key, 'holds', -1) <= 0 then
      redis.call('DEL', key)
    end
  end
end
uncount(KEYS[4], hold[5])
uncount(KEYS[5], hold[6])
redis.call('HSET', KEYS[1], 'status', wanted, 'finished_at', string.format('%d', now))
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {wanted, tostring(restored)}

-- The held holds past their expiry by Redis's own clock (TIME), oldest first: the reaper's work, the same on
-- every agent instance whatever its clock says.
-- KEYS: 1 expiry index (sorted set of held hold ids scored by expiry in ms)
-- ARGV: 1 how many at most
-- Returns the hold ids
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now), 'LIMIT', 0, tonumber(ARGV[1]))

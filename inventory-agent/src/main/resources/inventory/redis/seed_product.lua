-- Adds a product unless the store already has it: a seed never overwrites live stock, whatever the restarts.
-- KEYS: 1 product hash
-- ARGV: 1 name, 2 price, then pairs of location and stock
-- Returns 1 when the product was added, 0 when it was already there.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'name', ARGV[1], 'price', ARGV[2], 'reserved', '0')
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], 'stock:' .. ARGV[i], ARGV[i + 1])
end
return 1

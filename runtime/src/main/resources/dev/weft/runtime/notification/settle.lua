-- KEYS: calls, due, state, dead   ARGV: id, token, outcome (done | retry | dead), due millis, value
-- Settles the attempt that holds token: done forgets the call; retry makes it due again with state value; dead moves
-- it to the dead letters with value. Returns 0, changing nothing, when another attempt or a newer call holds it.
local state = redis.call('HGET', KEYS[3], ARGV[1])
if not state or string.sub(state, 1, string.len(ARGV[2]) + 1) ~= ARGV[2] .. '|' then
  return 0
end
if ARGV[3] == 'done' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
elseif ARGV[3] == 'retry' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[5])
end
return 1

-- KEYS: calls, due, state, dead   ARGV: id, now millis, state
-- Makes a dead letter due now, with its schedule started again. Returns 0 when id is no dead letter.
if redis.call('HEXISTS', KEYS[4], ARGV[1]) == 0 or redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return 1

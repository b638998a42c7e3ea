-- KEYS: records, checks   ARGV: id, check
-- 0 when the message is gone: a check-back already resolved it, so its transaction must not go on.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1

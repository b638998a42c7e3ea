-- KEYS: calls, dead   ARGV: id
-- Forgets a dead letter. Returns 0 when id is no dead letter (a pending call is never discarded).
if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then
  return 0
end
redis.call('HDEL', KEYS[1], ARGV[1])
return 1

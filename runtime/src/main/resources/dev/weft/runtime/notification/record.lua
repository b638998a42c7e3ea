-- KEYS: calls, due, state, dead   ARGV: id, call, due millis, state
-- Records a call about to run its first attempt; a call with the same id that was pending or dead is replaced (the
-- newer call's token makes the older one's outcome a no-op).
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
redis.call('HDEL', KEYS[4], ARGV[1])
return 1

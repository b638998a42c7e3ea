-- KEYS[1] the transaction, KEYS[2] its shard's due queue, KEYS[3] its shard's failed set. ARGV: xid.
if redis.call('SREM', KEYS[3], ARGV[1]) == 0 then
    return 0
end
redis.call('HDEL', KEYS[1], 'failure')
redis.call('HSET', KEYS[1], 'attempts', 0)
redis.call('ZADD', KEYS[2], now_ms(), ARGV[1])
return 1

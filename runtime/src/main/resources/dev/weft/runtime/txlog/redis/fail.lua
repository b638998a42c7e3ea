-- KEYS[1] the transaction, KEYS[2] its shard's due queue, KEYS[3] its shard's failed set. ARGV: xid, reason.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return 0
end
redis.call('HSET', KEYS[1], 'failure', ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1

-- KEYS[1] the transaction, KEYS[2] its shard's due queue. ARGV: xid, origin, startedAt, deadline.
-- Nothing when the transaction exists already: a second begin must not reset a decision or the branch counter.
if redis.call('EXISTS', KEYS[1]) == 1 then
    return 0
end
redis.call('HSET', KEYS[1], 'origin', ARGV[2], 'startedAt', ARGV[3], 'deadline', ARGV[4], 'phase', 'TRYING',
        'attempts', 0, 'branches', 0, 'pending', 0)
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return 1

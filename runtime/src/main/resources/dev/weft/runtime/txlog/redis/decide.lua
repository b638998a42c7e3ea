-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue. ARGV: xid, COMMITTING or
-- ROLLING_BACK, then the ids of the root's branches that returned since its last call.
-- The one compare-and-set from TRYING; returns the transaction after the call as snapshot() does ({} when missing).
if redis.call('HGET', KEYS[1], 'phase') == 'TRYING' then
    -- before the decision, in the same step: a RETURNED after it would not count
    mark_returned(KEYS[2], 3)
    redis.call('HSET', KEYS[1], 'phase', ARGV[2])
    -- Due at once: if the decider dies before phase two, any instance's next scan finishes it.
    redis.call('ZADD', KEYS[3], now_ms(), ARGV[1])
end
return snapshot(KEYS[1], KEYS[2], KEYS[3], ARGV[1])

-- KEYS[1] the transaction, KEYS[2] its shard's due queue. ARGV: xid, COMMITTING or ROLLING_BACK.
-- The one compare-and-set from TRYING: returns the phase after the call, nil when the transaction is missing.
local phase = redis.call('HGET', KEYS[1], 'phase')
if phase ~= 'TRYING' then
    return phase
end
redis.call('HSET', KEYS[1], 'phase', ARGV[2])
-- Due at once: if the decider dies before phase two, any instance's next scan finishes it.
redis.call('ZADD', KEYS[2], now_ms(), ARGV[1])
return ARGV[2]

-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue, KEYS[4] its owner lock. ARGV: xid,
-- COMMITTING or ROLLING_BACK, the owner taking the lock ('' to take none), its lease ms, then the ids of the root's
-- branches that returned since its last call.
-- The one compare-and-set from TRYING; returns the transaction after the call as snapshot() does ({} when missing),
-- followed by 1 when the owner lock is now the caller's, else 0. The lock is taken in the same step, whatever the
-- decision, so that no other round runs between the decision and the caller's round from this snapshot; it is taken
-- only for a transaction still in the log (there is nothing else to run a round on).
if redis.call('HGET', KEYS[1], 'phase') == 'TRYING' then
    -- before the decision, in the same step: a RETURNED after it would not count
    mark_returned(KEYS[2], 5)
    redis.call('HSET', KEYS[1], 'phase', ARGV[2])
    -- Due at once: if the decider dies before phase two, any instance's next scan finishes it.
    redis.call('ZADD', KEYS[3], now_ms(), ARGV[1])
end
local transaction = snapshot(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
if #transaction > 0 and ARGV[3] ~= '' then
    transaction[4] = take_owner(KEYS[4], ARGV[3], ARGV[4]) and 1 or 0
end
return transaction

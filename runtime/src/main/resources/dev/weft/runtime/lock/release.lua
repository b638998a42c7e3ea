-- Ends a grant, or a wait, of owner: leaves the queue, and frees the lock if owner still holds it, waking the next
-- waiter only. A lock held by another grant is left alone.
-- ARGV[1] owner, ARGV[2] retention ms ('0': delete the record, its token is not needed), ARGV[3] '1' for direct hand-off, ARGV[4] wake prefix, ARGV[5] token floor
-- ARGV[6] '1' to keep owner's place in the queue: an attempt that failed but goes on waiting frees only what it was
--   granted; a node where it queued must still wake it when the lock there is released.
-- Returns 1 when freed, 0 when the lock had expired or belongs to another grant.
local owner, retention_ms, direct, wake_prefix, keep_place = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[6]
raise_token(tonumber(ARGV[5]), retention_ms)
if redis.call('HGET', lock, 'o') ~= owner then
    -- A waiter giving up, or a holder too late: only a waiter has an entry (a grant takes it out of the queue).
    if keep_place ~= '1' then
        leave_queue(owner)
    end
    return 0
end
redis.call('HDEL', lock, 'o')
-- A direct hand-off has set the next holder's lease; otherwise the record is kept for the retention time.
if not hand_off(now_us(), direct, wake_prefix) or direct ~= '1' then
    if retention_ms == '0' then
        redis.call('DEL', lock)
    else
        redis.call('PEXPIRE', lock, retention_ms)
    end
end
return 1

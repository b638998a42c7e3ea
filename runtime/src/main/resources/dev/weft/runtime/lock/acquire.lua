-- Takes the lock if it is free (and, with direct hand-off, nobody queues before the caller), in one round trip.
-- ARGV[1] owner, ARGV[2] lease ms, ARGV[3] '1' to queue when busy, ARGV[4] '1' for direct hand-off, ARGV[5] wake prefix
-- Returns {token, ttl}: granted when token > 0, ttl being the lease left; else busy, ttl being the holder's lease
-- left (-1 when it has none: then only a notice or the end of the wait ends a wait).
local owner, lease_ms, join, direct, wake_prefix = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local now = now_us()
local holder = redis.call('HGET', lock, 'o')
if holder == owner then
    -- Handed over by a release while this owner waited; its notice has not been seen (yet).
    return {tonumber(redis.call('HGET', lock, 't')), redis.call('PTTL', lock)}
end
if not holder then
    local head = nil
    if direct == '1' then
        head = live_head(now)
    else
        leave_queue(owner)
    end
    if head == nil or head == owner then
        if head then
            redis.call('LPOP', queue)
        end
        return {grant(owner, lease_ms, now), tonumber(lease_ms)}
    end
    hand_off(now, direct, wake_prefix)
end
if join == '1' then
    join_queue(owner, lease_ms, now)
end
return {0, redis.call('PTTL', lock)}

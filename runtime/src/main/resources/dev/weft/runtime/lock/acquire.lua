-- Takes a lock if it is free, and hands out its fencing token, in one round trip.
-- KEYS[1] the lock; KEYS[2] the lock's fence record (the last token handed out for it)
-- ARGV[1] owner, unique per grant; ARGV[2] lease in ms; ARGV[3] how long the fence record outlives a grant, in ms
-- Returns the fencing token (> 0) when taken. When busy: minus the holder's remaining lease in ms,
-- or 0 when the holder's key never expires (then only a release notice or the end of the wait ends a wait).
-- Needs Redis 5 or newer, where scripts replicate their effects, so writes may follow TIME.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
    -- Microseconds of the server clock, so tokens keep growing even when the fence record is gone;
    -- the record keeps them growing when the clock stands still or steps back.
    local now = redis.call('TIME')
    local token = tonumber(now[1]) * 1000000 + tonumber(now[2])
    local last = tonumber(redis.call('GET', KEYS[2]))
    if last ~= nil and last >= token then
        token = last + 1
    end
    redis.call('SET', KEYS[2], string.format('%.0f', token), 'PX', ARGV[3])
    return token
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
    return 0
end
return -math.max(ttl, 1)

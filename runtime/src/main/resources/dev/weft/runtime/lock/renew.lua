-- Extends a lock's lease only if this grant still holds it.
-- KEYS[1] the lock; ARGV[1] owner of this grant; ARGV[2] lease in ms.
-- Returns 1 when extended, 0 when the lock is gone or belongs to another grant.
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0

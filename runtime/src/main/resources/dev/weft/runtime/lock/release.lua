-- Releases a lock only if this grant still holds it, and wakes the waiters of every JVM.
-- KEYS[1] the lock; ARGV[1] owner of this grant.
-- Waiters subscribe to the channel named like the lock's key (channels and keys are separate namespaces).
-- Returns 1 when released, 0 when the lock had expired or belongs to another grant (which is left alone).
if redis.call('GET', KEYS[1]) == ARGV[1] then
    redis.call('DEL', KEYS[1])
    redis.call('PUBLISH', KEYS[1], '')
    return 1
end
return 0

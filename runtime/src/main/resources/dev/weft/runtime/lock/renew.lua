-- Extends the lease only if this grant still holds the lock.
-- ARGV[1] owner, ARGV[2] lease ms, ARGV[3] token floor, ARGV[4] retention ms
-- Returns 1 when extended, 0 when the lock is gone or belongs to another grant.
if redis.call('HGET', lock, 'o') ~= ARGV[1] then
    return 0
end
raise_token(tonumber(ARGV[3]), ARGV[4])
return redis.call('PEXPIRE', lock, ARGV[2])

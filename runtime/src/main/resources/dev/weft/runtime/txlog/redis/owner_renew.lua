-- KEYS[1] the owner lock of a transaction. ARGV: owner, lease ms. Extends the lease only while owner holds it: a lock
-- that ran out is not taken again, since another owner may have held it meanwhile. Returns 1 when extended, else 0.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])

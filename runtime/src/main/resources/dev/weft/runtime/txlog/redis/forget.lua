-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's failed set. ARGV: xid.
if redis.call('SREM', KEYS[3], ARGV[1]) == 0 then
    return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
return 1

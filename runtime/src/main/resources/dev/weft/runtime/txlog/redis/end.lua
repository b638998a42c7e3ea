-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue, KEYS[4] its shard's failed set.
-- ARGV: xid. Returns 1 when the transaction is gone (now or before), 0 when undecided or a branch is not DONE.
local state = redis.call('HMGET', KEYS[1], 'phase', 'pending')
if not state[1] then
    return 1
end
if state[1] == 'TRYING' or tonumber(state[2]) > 0 then
    return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1

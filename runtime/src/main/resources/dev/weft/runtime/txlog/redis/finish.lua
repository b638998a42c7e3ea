-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue, KEYS[4] its shard's failed set,
-- KEYS[5] its owner lock. ARGV: xid, the owner whose lock the round's end frees ('' for none: more writes of the
-- round follow), then the ids of the branches this round finished. Marks them DONE, then ends the transaction when it
-- is decided and nothing is pending. Returns 1 when it is gone (now or before), else 0.
if ARGV[2] ~= '' then
    -- The lock goes in the same step as the round's last write: nothing of the round is left to exclude.
    free_owner(KEYS[5], ARGV[2])
end
if redis.call('EXISTS', KEYS[1]) == 0 then
    return 1
end
for i = 3, #ARGV do
    set_state(KEYS[1], KEYS[2], ARGV[i], 'DONE')
end
local state = redis.call('HMGET', KEYS[1], 'phase', 'pending')
if state[1] == 'TRYING' or tonumber(state[2]) > 0 then
    return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1

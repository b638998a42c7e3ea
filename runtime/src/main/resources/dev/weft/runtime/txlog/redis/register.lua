-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue.
-- ARGV: the branch record, xid, origin ('' to begin nothing), startedAt, deadline, then the ids of the root's
-- branches that returned since its last call.
-- Returns {branch id, 'TRYING'}, or {-1, the phase} when the transaction is decided, {-1, nil} when it is missing.
if ARGV[3] ~= '' then
    create_if_absent(KEYS[1], KEYS[3], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
end
local phase = redis.call('HGET', KEYS[1], 'phase')
if phase ~= 'TRYING' then
    return {-1, phase}
end
mark_returned(KEYS[2], 6)
-- The counter lives in the transaction, so ids are unique across every process that registers.
local id = redis.call('HINCRBY', KEYS[1], 'branches', 1) - 1
redis.call('HINCRBY', KEYS[1], 'pending', 1)
redis.call('HSET', KEYS[2], id, ARGV[1], id .. ':state', 'TRYING')
return {id, phase}

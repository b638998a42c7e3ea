-- KEYS[1] the transaction, KEYS[2] its branches. ARGV: the branch record.
-- Returns {branch id, 'TRYING'}, or {-1, the phase} when the transaction is decided, {-1, nil} when it is missing.
local phase = redis.call('HGET', KEYS[1], 'phase')
if phase ~= 'TRYING' then
    return {-1, phase}
end
-- The counter lives in the transaction, so ids are unique across every process that registers.
local id = redis.call('HINCRBY', KEYS[1], 'branches', 1) - 1
redis.call('HINCRBY', KEYS[1], 'pending', 1)
redis.call('HSET', KEYS[2], id, ARGV[1], id .. ':state', 'TRYING')
return {id, phase}

-- KEYS[1] the transaction, KEYS[2] its branches. ARGV: branch id, new state, '1' to change it only while TRYING.
-- DONE is final: a late report (a try that threw after recovery cancelled it) must not bring a branch back.
-- 'pending' counts the branches not DONE, so that ending a transaction need not read every branch.
local phase = redis.call('HGET', KEYS[1], 'phase')
local field = ARGV[1] .. ':state'
local current = redis.call('HGET', KEYS[2], field)
if not phase or not current or (ARGV[3] == '1' and phase ~= 'TRYING') then
    return 0
end
if current == 'DONE' or current == ARGV[2] then
    return 1
end
redis.call('HSET', KEYS[2], field, ARGV[2])
if ARGV[2] == 'DONE' then
    redis.call('HINCRBY', KEYS[1], 'pending', -1)
end
return 1

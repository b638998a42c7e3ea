-- KEYS[1] the transaction, KEYS[2] its branches. ARGV: branch id, new state, '1' to change it only while TRYING.
-- A RETURNED changes only a branch still TRYING (checked by the caller's '1'; set_state keeps DONE final).
local phase = redis.call('HGET', KEYS[1], 'phase')
if not phase or (ARGV[3] == '1' and phase ~= 'TRYING') then
    return 0
end
if set_state(KEYS[1], KEYS[2], ARGV[1], ARGV[2]) then
    return 1
end
return 0

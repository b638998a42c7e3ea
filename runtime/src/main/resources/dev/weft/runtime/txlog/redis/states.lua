-- Put in front of the scripts that change branch states: TxScripts joins the resources into one script.
-- DONE is final: a late report (a try that threw after recovery cancelled it) must not bring a branch back.
-- 'pending' counts the branches not DONE, so that ending a transaction need not read every branch.
-- Returns false when the branch does not exist.
local function set_state(tx, branches, id, state)
    local field = id .. ':state'
    local current = redis.call('HGET', branches, field)
    if not current then
        return false
    end
    if current == 'DONE' or current == state then
        return true
    end
    redis.call('HSET', branches, field, state)
    if state == 'DONE' then
        redis.call('HINCRBY', tx, 'pending', -1)
    end
    return true
end

-- The root's tries that returned since its last call, carried by this one: ARGV[first] and after. The caller has
-- checked that the transaction is TRYING; a branch no longer TRYING keeps its state.
local function mark_returned(branches, first)
    for i = first, #ARGV do
        local field = ARGV[i] .. ':state'
        if redis.call('HGET', branches, field) == 'TRYING' then
            redis.call('HSET', branches, field, 'RETURNED')
        end
    end
end

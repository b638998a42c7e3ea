-- Put in front of the scripts that may record a transaction: TxScripts joins the resources into one script.
-- Records the transaction as TRYING, due at its deadline, unless it exists already: a second begin must not reset a
-- decision or the branch counter. Returns whether it was created.
local function create_if_absent(tx, due, xid, origin, started_at, deadline)
    if redis.call('EXISTS', tx) == 1 then
        return false
    end
    redis.call('HSET', tx, 'origin', origin, 'startedAt', started_at, 'deadline', deadline, 'phase', 'TRYING',
            'attempts', 0, 'branches', 0, 'pending', 0)
    redis.call('ZADD', due, deadline, xid)
    return true
end

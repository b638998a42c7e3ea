-- Put in front of the scripts that take or free the owner lock of phase two (docs/distributed-tcc.md, step 5):
-- TxScripts joins the resources into one script. The lock is a key beside the transaction's, holding its holder (a
-- string unique per hold) and expiring with the holder's lease, so that a holder that dies blocks the others only
-- until then.

-- Takes it for owner when it is free, or extends it when owner holds it already (the same call repeated after its
-- answer was lost). Returns true when owner holds it now.
local function take_owner(key, owner, lease_ms)
    local holder = redis.call('GET', key)
    if not holder then
        redis.call('SET', key, owner, 'PX', lease_ms)
        return true
    end
    if holder == owner then
        redis.call('PEXPIRE', key, lease_ms)
        return true
    end
    return false
end

-- Frees it when owner holds it: a lock whose lease ran out and that another owner took since is left alone.
local function free_owner(key, owner)
    if redis.call('GET', key) == owner then
        redis.call('DEL', key)
    end
end

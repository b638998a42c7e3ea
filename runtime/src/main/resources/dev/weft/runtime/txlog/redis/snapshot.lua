-- Put in front of the scripts that return a transaction: TxScripts joins the resources into one script.
-- The transaction's hash, its branches' hash and its due time, read in one script, so one consistent snapshot. {}
-- when the transaction is missing; the due time is nil when it is FAILED.
local function snapshot(tx, branches, due, xid)
    local transaction = redis.call('HGETALL', tx)
    if #transaction == 0 then
        return {}
    end
    return {transaction, redis.call('HGETALL', branches), redis.call('ZSCORE', due, xid)}
end

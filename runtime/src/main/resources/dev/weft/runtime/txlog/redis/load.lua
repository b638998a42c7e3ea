-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue. ARGV: xid.
-- One script, so the three parts are one consistent snapshot. {} when the transaction is missing; the due time is
-- nil when it is FAILED.
local transaction = redis.call('HGETALL', KEYS[1])
if #transaction == 0 then
    return {}
end
return {transaction, redis.call('HGETALL', KEYS[2]), redis.call('ZSCORE', KEYS[3], ARGV[1])}

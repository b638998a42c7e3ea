-- KEYS[1] a shard's due queue. ARGV: now, claimed until, limit.
-- Returns {xid, its due time before the claim, ...}, the earliest due first; each is due again at ARGV[2], so
-- that other instances skip it until then.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
for i = 1, #due, 2 do
    redis.call('ZADD', KEYS[1], ARGV[2], due[i])
end
return due

-- KEYS[1] a shard's due queue. ARGV: the claim's until, then pairs of xid and its due time before the claim.
-- Gives back claims that did not fit the caller's limit, unless something else changed their due time since.
for i = 2, #ARGV, 2 do
    local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
    if score and tonumber(score) == tonumber(ARGV[1]) then
        redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
    end
end
return 0

-- KEYS[1] the transaction, KEYS[2] its shard's due queue. ARGV: xid, origin, startedAt, deadline.
if create_if_absent(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then
    return 1
end
return 0

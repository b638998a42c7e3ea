-- KEYS[1] the transaction, KEYS[2] its branches, KEYS[3] its shard's due queue. ARGV: xid.
return snapshot(KEYS[1], KEYS[2], KEYS[3], ARGV[1])

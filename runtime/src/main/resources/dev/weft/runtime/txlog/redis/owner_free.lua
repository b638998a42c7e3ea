-- KEYS[1] the owner lock of a transaction. ARGV: owner.
free_owner(KEYS[1], ARGV[1])
return 1

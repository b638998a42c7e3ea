-- KEYS[1] the owner lock of a transaction. ARGV: owner, lease ms. Returns 1 when owner holds it now, else 0.
if take_owner(KEYS[1], ARGV[1], ARGV[2]) then
    return 1
end
return 0

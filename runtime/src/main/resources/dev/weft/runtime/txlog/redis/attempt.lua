-- KEYS[1] the transaction. Returns the failed attempts so far, 0 when it is gone (HINCRBY alone would recreate it).
if redis.call('EXISTS', KEYS[1]) == 0 then
    return 0
end
return redis.call('HINCRBY', KEYS[1], 'attempts', 1)

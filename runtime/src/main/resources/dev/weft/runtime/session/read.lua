-- Reads a session and records the access, in one round trip: the refresh of its TTL costs no extra command.
-- KEYS[1] the session hash; ARGV[1] now, in milliseconds. Returns the hash as it was (empty: no such session).
local fields = redis.call('HGETALL', KEYS[1])
if #fields == 0 then
  return fields
end
redis.call('HSET', KEYS[1], 'lastAccessed', ARGV[1])
local maxInactive = tonumber(redis.call('HGET', KEYS[1], 'maxInactive'))
if maxInactive and maxInactive > 0 then
  redis.call('PEXPIRE', KEYS[1], maxInactive * 1000)
end
return fields

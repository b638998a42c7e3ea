-- Writes what one request changed in a session: only those fields, so that concurrent requests keep each other's.
-- KEYS[1] the session hash
-- ARGV[1] 'create' (a new session, or one under a new id) or 'update' (only if it still exists: a session that
--         expired or was invalidated meanwhile is not brought back)
-- ARGV[2] TTL in milliseconds, 0 for none; ARGV[3] n, the number of fields to set; then n field/value pairs;
-- then the fields to delete. Returns 1, or 0 when an update found no session.
local key = KEYS[1]
if ARGV[1] == 'update' and redis.call('EXISTS', key) == 0 then
  return 0
end
local n = tonumber(ARGV[3])
local first = 4
if n > 0 then
  redis.call('HSET', key, unpack(ARGV, first, first + 2 * n - 1))
end
first = first + 2 * n
if #ARGV >= first then
  redis.call('HDEL', key, unpack(ARGV, first, #ARGV))
end
local ttl = tonumber(ARGV[2])
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
else
  redis.call('PERSIST', key)
end
return 1

-- KEYS: state, due   ARGV: id, token, due millis
-- The attempt that holds token is still running on a live instance: the call stays held until the new due time.
-- Returns 0, changing nothing, when another attempt or a newer call holds it.
local state = redis.call('HGET', KEYS[1], ARGV[1])
if not state or string.sub(state, 1, string.len(ARGV[2]) + 1) ~= ARGV[2] .. '|' then
  return 0
end
redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[1])
return 1

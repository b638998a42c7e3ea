-- KEYS: calls, due, state   ARGV: now millis, count, token prefix
-- Takes up to count calls due now. Each gets a new token and one more attempt, and its due time moves forward by the
-- lease its state holds (the pause after this attempt), so no other instance runs it meanwhile; if this attempt's
-- instance dies, the call is due again when its failure would have made it. Returns id, call, attempts, token, last
-- error for each.
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for i, id in ipairs(ids) do
  local call = redis.call('HGET', KEYS[1], id)
  local state = redis.call('HGET', KEYS[3], id)
  if call and state then
    local _, attempts, lease, err = string.match(state, '^([^|]*)|(%d+)|(%d+)|(.*)$')
    local token = ARGV[3] .. ':' .. i
    attempts = tonumber(attempts) + 1
    redis.call('ZADD', KEYS[2], tonumber(ARGV[1]) + tonumber(lease), id)
    redis.call('HSET', KEYS[3], id, token .. '|' .. attempts .. '|' .. lease .. '|' .. err)
    table.insert(out, id)
    table.insert(out, call)
    table.insert(out, tostring(attempts))
    table.insert(out, token)
    table.insert(out, err)
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
return out

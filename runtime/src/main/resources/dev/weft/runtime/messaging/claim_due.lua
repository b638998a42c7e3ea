-- KEYS: records, due, checks   ARGV: now millis, lease until millis, count
-- Takes up to count messages due for their check-back and moves their due time to the lease's end, so that other
-- instances leave them alone meanwhile. Returns id, record, check (or '') for each.
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local record = redis.call('HGET', KEYS[1], id)
  if record then
    redis.call('ZADD', KEYS[2], ARGV[2], id)
    table.insert(out, id)
    table.insert(out, record)
    table.insert(out, redis.call('HGET', KEYS[3], id) or '')
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
return out

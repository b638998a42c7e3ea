-- KEYS: records, due, checks, stream   ARGV: id, publish ('1'), discard ('0') or discard if unbegun ('unbegun'), maxLen
-- Publishes (XADD) or discards a prepared message and forgets it, in one step: there is no moment at which it is
-- both on the stream and still prepared. Returns the entry id, '' when discarded, false when it was already gone or,
-- for 'unbegun', when its transaction began (attach.lua) after the check-back claimed it: that one is not discarded.
local record = redis.call('HGET', KEYS[1], ARGV[1])
if not record then
  return false
end
if ARGV[2] == 'unbegun' and redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then
  return false
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[2] ~= '1' then
  return ''
end
local colon = string.find(record, ':', 1, true)
return redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', 'id', ARGV[1],
    'payload', string.sub(record, colon + 1), 'createdAt', string.sub(record, 1, colon - 1))

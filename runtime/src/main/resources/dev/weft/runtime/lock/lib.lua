-- Shared by the lock's scripts: LockScripts puts it in front of each one, so they run as one script.
-- KEYS[1] the lock, a hash: o = the owner of the current grant (absent while free), t = the last token handed out.
--   Held, it expires with the holder's lease; free, it is kept for the retention time, so that tokens keep
--   counting up without any other key.
-- KEYS[2] its wait queue, a list of "owner|lease ms|expires at ms", oldest first; written only under contention.
-- An owner is "<jvm>:<n>"; the JVM listens on the channel <wake prefix><jvm>.
-- Needs Redis 5 or newer, where scripts replicate their effects, so writes may follow TIME.
local lock, queue = KEYS[1], KEYS[2]

local function now_us()
    local time = redis.call('TIME')
    return tonumber(time[1]) * 1000000 + tonumber(time[2])
end

local function text(number)
    return string.format('%.0f', number)
end

-- Above the last token, and at least the server clock in microseconds: tokens keep growing after the record is
-- gone (expired, or Redis restarted empty) as long as the clock has not stepped back.
local function next_token(now)
    local last = tonumber(redis.call('HGET', lock, 't'))
    if last ~= nil and last >= now then
        return last + 1
    end
    return now
end

local function grant(owner, lease_ms, now)
    local token = next_token(now)
    redis.call('HSET', lock, 'o', owner, 't', text(token))
    redis.call('PEXPIRE', lock, lease_ms)
    return token
end

-- Raises the last token to at least floor (RedLock: the token a majority agreed on reaches every node).
local function raise_token(floor, retention_ms)
    if floor == 0 then
        return
    end
    local last = tonumber(redis.call('HGET', lock, 't'))
    if last == nil or last < floor then
        redis.call('HSET', lock, 't', text(floor))
        if redis.call('PTTL', lock) < 0 then
            redis.call('PEXPIRE', lock, retention_ms)
        end
    end
end

local function parse(entry)
    local owner, lease, expires = string.match(entry, '^(.*)|(%d+)|(%d+)$')
    return owner, lease, tonumber(expires)
end

-- Where owner stands in the queue (1-based), or nil.
local function position(owner)
    local entries = redis.call('LRANGE', queue, 0, -1)
    for i, entry in ipairs(entries) do
        if parse(entry) == owner then
            return i, entry
        end
    end
    return nil
end

local function leave_queue(owner)
    local i, entry = position(owner)
    if i then
        redis.call('LREM', queue, 1, entry)
    end
end

-- Joins the queue, or keeps its place and pushes back the expiry of its entry: a waiter that stops calling
-- (it crashed, or gave up without a word) drops out once its own lease has passed.
local function join_queue(owner, lease_ms, now)
    local entry = owner .. '|' .. lease_ms .. '|' .. text(math.floor(now / 1000) + tonumber(lease_ms))
    local i = position(owner)
    if i then
        redis.call('LSET', queue, i - 1, entry)
    else
        redis.call('RPUSH', queue, entry)
    end
    if redis.call('PTTL', queue) < tonumber(lease_ms) then
        redis.call('PEXPIRE', queue, lease_ms)
    end
end

-- The oldest waiter still alive, dropping the expired ones before it.
local function live_head(now)
    while true do
        local entry = redis.call('LINDEX', queue, 0)
        if not entry then
            return nil
        end
        local owner, lease, expires = parse(entry)
        if expires > now / 1000 then
            return owner, lease
        end
        redis.call('LPOP', queue)
    end
end

-- For a free lock: wakes only the oldest live waiter. With direct = '1' (one Redis) it is granted the lock in the
-- same step, and the notice says "owner token lease lock"; with RedLock it is only woken ("owner"), to try every
-- node itself.
-- Returns true when somebody was woken.
local function hand_off(now, direct, wake_prefix)
    local owner, lease = live_head(now)
    if not owner then
        return false
    end
    redis.call('LPOP', queue)
    local channel = wake_prefix .. string.match(owner, '^[^:]*')
    if direct == '1' then
        redis.call('PUBLISH', channel, owner .. ' ' .. text(grant(owner, lease, now)) .. ' ' .. lease .. ' ' .. lock)
    else
        redis.call('PUBLISH', channel, owner)
    end
    return true
end

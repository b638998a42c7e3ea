-- Put in front of the scripts that need the time: TxScripts joins the resources into one script.
-- The server's clock, in epoch milliseconds, as text (Lua numbers are doubles: exact up to 2^53).
-- Needs Redis 5 or newer, where scripts replicate their effects, so writes may follow TIME.
local function now_ms()
    local time = redis.call('TIME')
    return string.format('%.0f', tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))
end

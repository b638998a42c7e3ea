-- KEYS[1] a shard's due queue, KEYS[2] its failed set: every open transaction of the shard, {due, failed}.
return {redis.call('ZRANGE', KEYS[1], 0, -1), redis.call('SMEMBERS', KEYS[2])}

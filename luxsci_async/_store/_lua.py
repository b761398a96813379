"""The Redis store's server-side scripts (Lua, run atomically by Redis).

Every time inside a script comes from Redis's own clock (``TIME``), never from a client,
so processes whose clocks disagree still agree on the windows, the pause and the leases.
Times are seconds (floats); numbers go back to the client as strings, since Redis would
truncate a Lua number reply to an integer.
"""

from __future__ import annotations

import hashlib

import attrs

_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
"""


@attrs.frozen
class Script:
    """A script's source and the SHA-1 that ``EVALSHA`` names it by."""

    source: str
    sha: str = attrs.field(init=False)

    @sha.default
    def _sha(self) -> str:
        return hashlib.sha1(self.source.encode()).hexdigest()


RESERVE = Script(
    _NOW
    + """
-- KEYS[1]: the pause; KEYS[2..]: one sorted set of reserved send times per window span.
-- ARGV[1]: the reservation's id; ARGV[2]: the longest acceptable delay (-1: any);
-- ARGV[2i-1], ARGV[2i]: limit and span of the window kept in KEYS[i].
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or 0))
for i = 2, #KEYS do
  local limit = tonumber(ARGV[2 * i - 1])
  local span = tonumber(ARGV[2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
  -- First come, first served: never before the last slot handed out.
  local last = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
  if last[2] then at = math.max(at, tonumber(last[2])) end
  -- The slot `limit` places back must leave the window before this one goes.
  local back = redis.call('ZRANGE', KEYS[i], -limit, -limit, 'WITHSCORES')
  if back[2] then at = math.max(at, tonumber(back[2]) + span) end
end
local delay = at - now
local max_delay = tonumber(ARGV[2])
if max_delay >= 0 and delay > max_delay then
  return {0, string.format('%.17g', delay)}
end
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], at, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], math.ceil((delay + tonumber(ARGV[2 * i])) * 1000))
end
return {1, string.format('%.17g', delay)}
"""
)

RELEASE = Script(
    _NOW
    + """
-- KEYS: the window sets holding the reservation; ARGV[1]: its id.
for i = 1, #KEYS do
  local at = redis.call('ZSCORE', KEYS[i], ARGV[1])
  if at and tonumber(at) > now then redis.call('ZREM', KEYS[i], ARGV[1]) end
end
return 0
"""
)

PAUSE = Script(
    _NOW
    + """
-- KEYS[1]: the pause (its end, in store time); ARGV[1]: seconds from now.
local seconds = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or 0)
if now + seconds > current then
  redis.call('SET', KEYS[1], string.format('%.17g', now + seconds),
             'PX', math.ceil(seconds * 1000))
end
return 0
"""
)

PAUSE_LEFT = Script(
    _NOW
    + """
local until_ = tonumber(redis.call('GET', KEYS[1]) or 0)
return string.format('%.17g', math.max(0, until_ - now))
"""
)

LOAD_CODE = Script(
    """
local sealed = redis.call('GET', KEYS[1])
if not sealed then return false end
return {sealed, redis.call('PTTL', KEYS[1])}
"""
)

COMPARE_AND_DELETE = Script(
    """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
)

CHECK_IN = Script(
    _NOW
    + """
-- KEYS[1]: holders of the code, scored by lease end; ARGV[1]: holder; ARGV[2]: seconds.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.ceil((tonumber(last[2]) - now) * 1000))
return 0
"""
)

CHECK_OUT = Script(
    _NOW
    + """
-- KEYS[1]: holders; KEYS[2]: the code; ARGV[1]: the holder leaving.
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
redis.call('DEL', KEYS[2])
return 1
"""
)

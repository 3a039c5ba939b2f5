-- Rate-limit counters are hot, short-lived and worth nothing after a crash:
-- unlogged, every hit skips the WAL flush (a crash just resets the windows).
ALTER TABLE "RateLimitCounter" SET UNLOGGED;

-- Attempt limits in the database (issue 8): sign-ins and reset requests per client address, and wrong
-- passwords per account and address. Kept here, not in each process's memory, so every app instance
-- counts against one budget and nothing (a restart, many new addresses) resets a counter early.
--
-- The counters are not tenant rows and hold no personal data: a key is an HMAC-SHA256 (32 bytes,
-- computed by the app with the server secret) of what is counted and whose it is, never an address or
-- an email. The runtime role cong_app cannot read or write the table at all; it may only call
-- take_attempt and clear_attempts, which act on the one key they are given, so a bug in request code
-- can neither list the counters nor clear other people's. The table is kept out of schema.prisma for
-- the same reason: the Prisma client must not be a way to reach it.

CREATE TABLE "attempt_counter" (
  "key"       bytea          NOT NULL,
  "hits"      integer        NOT NULL,
  "resets_at" timestamptz(3) NOT NULL,
  CONSTRAINT "attempt_counter_pkey" PRIMARY KEY ("key"),
  -- a digest, never a raw address or email
  CONSTRAINT "attempt_counter_key_check" CHECK (octet_length("key") = 32),
  CONSTRAINT "attempt_counter_hits_check" CHECK ("hits" >= 1)
);
-- Expired rows are removed oldest first by take_attempt.
CREATE INDEX "attempt_counter_resets_at_idx" ON "attempt_counter" ("resets_at");

REVOKE ALL ON "attempt_counter" FROM PUBLIC;
-- No grant to cong_app, and row-level security without a policy: even a grant added by mistake would
-- show it nothing. The functions below run as the owner (superuser or BYPASSRLS, checked by migrate).
ALTER TABLE "attempt_counter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "attempt_counter" FORCE ROW LEVEL SECURITY;

-- Counts one attempt against p_key and says whether it is within p_max per p_window: one statement, so
-- concurrent attempts from any number of instances are all counted and never exceed the budget.
-- A window starts at a key's first attempt. The attempt that uses the last of the budget starts the
-- wait afresh (p_window from then), so "5 wrong passwords lock for 15 minutes" means 15 minutes after
-- the fifth. Refused attempts do not extend the wait. Time is the database's clock, one clock for every
-- app instance; retry_after is the whole seconds to wait when refused (for Retry-After), else 0.
CREATE FUNCTION "take_attempt"(p_key bytea, p_max integer, p_window interval)
  RETURNS TABLE ("allowed" boolean, "remaining" integer, "retry_after" integer)
  LANGUAGE plpgsql
  VOLATILE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_now constant timestamptz := clock_timestamp();
  v_hits integer;
  v_resets timestamptz;
BEGIN
  IF p_max IS NULL OR p_max < 1 OR p_window IS NULL OR p_window <= interval '0' THEN
    RAISE EXCEPTION 'take_attempt: p_max must be at least 1 and p_window positive' USING ERRCODE = '22023';
  END IF;

  INSERT INTO public.attempt_counter AS c ("key", "hits", "resets_at")
  VALUES (p_key, 1, v_now + p_window)
  ON CONFLICT ("key") DO UPDATE SET
    "hits" = CASE WHEN c.resets_at <= v_now THEN 1 ELSE least(c.hits + 1, p_max + 1) END,
    "resets_at" = CASE
      WHEN c.resets_at <= v_now THEN v_now + p_window
      WHEN c.hits + 1 = p_max THEN v_now + p_window
      ELSE c.resets_at
    END
  RETURNING c.hits, c.resets_at INTO v_hits, v_resets;

  -- Tidy up as we go: each call removes up to two expired rows, more than it can add, so the table holds
  -- the live counters and a short tail. SKIP LOCKED: never wait for another attempt's row.
  DELETE FROM public.attempt_counter
  WHERE "key" IN (
    SELECT o."key" FROM public.attempt_counter o
    WHERE o.resets_at <= v_now
    ORDER BY o.resets_at
    LIMIT 2
    FOR UPDATE SKIP LOCKED
  );

  RETURN QUERY SELECT
    v_hits <= p_max,
    greatest(p_max - v_hits, 0),
    CASE WHEN v_hits <= p_max THEN 0 ELSE greatest(1, ceil(extract(epoch FROM v_resets - v_now)))::integer END;
END
$$;

-- Forgets one key's attempts (a successful sign-in clears its account and address pair).
CREATE FUNCTION "clear_attempts"(p_key bytea)
  RETURNS void
  LANGUAGE sql
  VOLATILE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  DELETE FROM public.attempt_counter WHERE "key" = p_key;
$$;

REVOKE ALL ON FUNCTION "take_attempt"(bytea, integer, interval) FROM PUBLIC;
REVOKE ALL ON FUNCTION "clear_attempts"(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "take_attempt"(bytea, integer, interval) TO cong_app;
GRANT EXECUTE ON FUNCTION "clear_attempts"(bytea) TO cong_app;

-- The lockout used to be one per account (failed_logins, locked_until), which let anyone lock a
-- provincial admin out by typing wrong passwords. It is now per account and address, in the counters.
ALTER TABLE "app_user" DROP COLUMN "failed_logins", DROP COLUMN "locked_until";

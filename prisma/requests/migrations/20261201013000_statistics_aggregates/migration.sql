-- requestStatistics' exact medians and counts without reading every request (issue 15): aggregates of sent requests
-- kept by triggers in the transaction that changes a request, and an index to find the durations near a median.

-- Hours from one instant to another, as requestStatistics reports and orders them.
CREATE FUNCTION "request_hours"("from" timestamptz, "to" timestamptz) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_part('epoch', "to" - "from") / 3600;

-- 32 buckets per doubling of 1 + hours (bucket 0 also holds any negative duration). Never decreasing in hours, so
-- the durations of lower buckets are all smaller: counts by bucket say in which bucket a median lies.
CREATE FUNCTION "request_duration_bucket"("hours" double precision) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(ln(1 + greatest("hours", 0)) * 32 / ln(2))::smallint;

-- Sent requests by month of sending (its first day, UTC), kind and status.
CREATE TABLE "RequestMonthCount" (
    "month" DATE NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RequestMonthCount_pkey" PRIMARY KEY ("month", "kind", "status")
);

-- Durations from sending to a milestone (ACKNOWLEDGED: acknowledgement; EXECUTED: execution), by month of sending,
-- kind and bucket; a row without a kind counts every kind (what a filter without a kind reads).
CREATE TABLE "RequestDurationCount" (
    "month" DATE NOT NULL,
    "kind" "RequestKind",
    "milestone" "RequestStatus" NOT NULL CHECK ("milestone" IN ('ACKNOWLEDGED', 'EXECUTED')),
    "bucket" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "RequestDurationCount_key" ON "RequestDurationCount" ("month", "kind", "milestone", "bucket")
  NULLS NOT DISTINCT;

-- The durations of one bucket in a range of sending times, without reading the rows.
CREATE INDEX "CooperationRequest_acknowledge_bucket_idx" ON "CooperationRequest"
  ("request_duration_bucket"("request_hours"("sentAt", "acknowledgedAt")), "sentAt") INCLUDE ("acknowledgedAt", "kind")
  WHERE "sentAt" IS NOT NULL AND "acknowledgedAt" IS NOT NULL;
CREATE INDEX "CooperationRequest_execute_bucket_idx" ON "CooperationRequest"
  ("request_duration_bucket"("request_hours"("sentAt", "executedAt")), "sentAt") INCLUDE ("executedAt", "kind")
  WHERE "sentAt" IS NOT NULL AND "executedAt" IS NOT NULL;

-- Adds the rows a statement wrote (arrived, +1) and takes away the rows it replaced or deleted (departed, -1). Each
-- table's keys are written in one statement in key order, months before durations. A change that moves no figure (a
-- new version, a preservation's end) writes and locks nothing here. Writers whose figures move in one statement, taken
-- after every request row they lock, as the subgraph's are, lock these rows in one order and cannot deadlock.
-- Run with the search path of this migration (the subgraph's schema), whatever the writing session's is.
CREATE FUNCTION "request_statistics_keep"() RETURNS trigger SET search_path FROM CURRENT AS $$
DECLARE
  columns CONSTANT text := '"sentAt", "acknowledgedAt", "executedAt", "kind", "status"';
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS delta FROM arrived', columns)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS delta FROM departed', columns)
    ELSE format('SELECT %1$s, 1 AS delta FROM arrived UNION ALL SELECT %1$s, -1 FROM departed', columns)
  END;
BEGIN
  EXECUTE format($sql$
    WITH changed AS (%s)
    INSERT INTO "RequestMonthCount" AS kept ("month", "kind", "status", "count")
    SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date, "kind", "status", sum(delta)
    FROM changed WHERE "sentAt" IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("month", "kind", "status") DO UPDATE SET "count" = kept."count" + excluded."count"
  $sql$, changed);
  EXECUTE format($sql$
    WITH changed AS (%s)
    INSERT INTO "RequestDurationCount" AS kept ("month", "kind", "milestone", "bucket", "count")
    SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date, "kind", milestone,
           "request_duration_bucket"("request_hours"("sentAt", reached)), sum(delta)
    FROM changed CROSS JOIN LATERAL (VALUES ('ACKNOWLEDGED'::"RequestStatus", "acknowledgedAt"),
                                            ('EXECUTED'::"RequestStatus", "executedAt")) AS milestones (milestone, reached)
    WHERE "sentAt" IS NOT NULL AND reached IS NOT NULL
    GROUP BY GROUPING SETS ((1, 2, 3, 4), (1, 3, 4)) HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("month", "kind", "milestone", "bucket") DO UPDATE SET "count" = kept."count" + excluded."count"
  $sql$, changed);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- PostgreSQL gives a trigger transition tables for one event only: three triggers, one function.
CREATE TRIGGER "CooperationRequest_statistics_insert" AFTER INSERT ON "CooperationRequest"
  REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION "request_statistics_keep"();
CREATE TRIGGER "CooperationRequest_statistics_update" AFTER UPDATE ON "CooperationRequest"
  REFERENCING OLD TABLE AS departed NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION "request_statistics_keep"();
CREATE TRIGGER "CooperationRequest_statistics_delete" AFTER DELETE ON "CooperationRequest"
  REFERENCING OLD TABLE AS departed FOR EACH STATEMENT EXECUTE FUNCTION "request_statistics_keep"();

CREATE FUNCTION "request_statistics_clear"() RETURNS trigger SET search_path FROM CURRENT AS $$
BEGIN
  TRUNCATE "RequestMonthCount", "RequestDurationCount";
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CooperationRequest_statistics_truncate" AFTER TRUNCATE ON "CooperationRequest"
  FOR EACH STATEMENT EXECUTE FUNCTION "request_statistics_clear"();

-- The requests already there.
INSERT INTO "RequestMonthCount" ("month", "kind", "status", "count")
SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date, "kind", "status", count(*)
FROM "CooperationRequest" WHERE "sentAt" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "RequestDurationCount" ("month", "kind", "milestone", "bucket", "count")
SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date, "kind", milestone,
       "request_duration_bucket"("request_hours"("sentAt", reached)), count(*)
FROM "CooperationRequest" CROSS JOIN LATERAL (VALUES ('ACKNOWLEDGED'::"RequestStatus", "acknowledgedAt"),
                                                     ('EXECUTED'::"RequestStatus", "executedAt")) AS milestones (milestone, reached)
WHERE "sentAt" IS NOT NULL AND reached IS NOT NULL GROUP BY GROUPING SETS ((1, 2, 3, 4), (1, 3, 4));

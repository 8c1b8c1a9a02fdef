-- Hand-written: the incident rollups of 0007 (incident_day_counts) and 0014 (the per-type tables) followed their
-- tables row by row, a PL/pgSQL call and one to three single-row statements per row written. An import of 100,000
-- incidents spent half of PostgreSQL's time there (bench/incidents-import.bench.ts: 14.9 s of 20,000 rows with them,
-- 7.1 s per statement). They now follow each writing statement once, from its transition tables, as the search
-- vocabulary does (0013): the rows of the statement summed per rollup key, each key's row then changed once. What the
-- rollups hold is the same (rollups-equality.test.ts): each row's old share taken away and its new share added, rows
-- whose counted columns did not change left out. The TRUNCATE triggers stay as they were.
DROP TRIGGER incidents_day_counts ON incidents;--> statement-breakpoint
DROP FUNCTION incident_day_counts_apply();--> statement-breakpoint
CREATE FUNCTION incident_day_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_day_counts AS c (day, type_id, district_pcode, agency_id, status, sensitivity, incidents, arrests, rescued, intercepted, dead, missing, with_seizures)
  SELECT occurred_on, type_id, coalesce(district_pcode, ''), agency_id, status, sensitivity, count(*), sum(arrests), sum(rescued), sum(intercepted), sum(dead), sum(missing), count(*) FILTER (WHERE has_seizures)
  FROM added WHERE is_active GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (day, type_id, district_pcode, agency_id, status, sensitivity) DO UPDATE SET incidents = c.incidents + excluded.incidents, arrests = c.arrests + excluded.arrests, rescued = c.rescued + excluded.rescued, intercepted = c.intercepted + excluded.intercepted, dead = c.dead + excluded.dead, missing = c.missing + excluded.missing,
    with_seizures = c.with_seizures + excluded.with_seizures;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION incident_day_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident_day_counts AS c SET incidents = c.incidents - r.incidents, arrests = c.arrests - r.arrests, rescued = c.rescued - r.rescued, intercepted = c.intercepted - r.intercepted, dead = c.dead - r.dead, missing = c.missing - r.missing,
    with_seizures = c.with_seizures - r.with_seizures
  FROM (SELECT occurred_on AS day, type_id, coalesce(district_pcode, '') AS district_pcode, agency_id, status, sensitivity, count(*) AS incidents, sum(arrests) AS arrests, sum(rescued) AS rescued, sum(intercepted) AS intercepted, sum(dead) AS dead, sum(missing) AS missing, count(*) FILTER (WHERE has_seizures) AS with_seizures
    FROM removed WHERE is_active GROUP BY 1, 2, 3, 4, 5, 6) AS r
  WHERE c.day = r.day AND c.type_id = r.type_id AND c.district_pcode = r.district_pcode AND c.agency_id = r.agency_id AND c.status = r.status AND c.sensitivity = r.sensitivity;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An update: the rows whose counted columns changed (a row with no unchanged twin of the same id on the other side)
-- leave their old keys and join their new ones.
CREATE FUNCTION incident_day_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident_day_counts AS c SET incidents = c.incidents - r.incidents, arrests = c.arrests - r.arrests, rescued = c.rescued - r.rescued, intercepted = c.intercepted - r.intercepted, dead = c.dead - r.dead, missing = c.missing - r.missing,
    with_seizures = c.with_seizures - r.with_seizures
  FROM (SELECT o.occurred_on AS day, o.type_id, coalesce(o.district_pcode, '') AS district_pcode, o.agency_id, o.status, o.sensitivity, count(*) AS incidents, sum(o.arrests) AS arrests, sum(o.rescued) AS rescued, sum(o.intercepted) AS intercepted, sum(o.dead) AS dead, sum(o.missing) AS missing, count(*) FILTER (WHERE o.has_seizures) AS with_seizures
    FROM removed AS o
    WHERE o.is_active AND NOT EXISTS (SELECT 1 FROM added AS n WHERE n.id = o.id
      AND (n.is_active, n.occurred_on, n.type_id, n.district_pcode, n.agency_id, n.status, n.sensitivity, n.arrests, n.rescued, n.intercepted, n.dead, n.missing, n.has_seizures) IS NOT DISTINCT FROM (o.is_active, o.occurred_on, o.type_id, o.district_pcode, o.agency_id, o.status, o.sensitivity, o.arrests, o.rescued, o.intercepted, o.dead, o.missing, o.has_seizures))
    GROUP BY 1, 2, 3, 4, 5, 6) AS r
  WHERE c.day = r.day AND c.type_id = r.type_id AND c.district_pcode = r.district_pcode AND c.agency_id = r.agency_id AND c.status = r.status AND c.sensitivity = r.sensitivity;
  INSERT INTO incident_day_counts AS c (day, type_id, district_pcode, agency_id, status, sensitivity, incidents, arrests, rescued, intercepted, dead, missing, with_seizures)
  SELECT n.occurred_on, n.type_id, coalesce(n.district_pcode, ''), n.agency_id, n.status, n.sensitivity, count(*), sum(n.arrests), sum(n.rescued), sum(n.intercepted), sum(n.dead), sum(n.missing), count(*) FILTER (WHERE n.has_seizures)
  FROM added AS n
  WHERE n.is_active AND NOT EXISTS (SELECT 1 FROM removed AS o WHERE o.id = n.id
    AND (n.is_active, n.occurred_on, n.type_id, n.district_pcode, n.agency_id, n.status, n.sensitivity, n.arrests, n.rescued, n.intercepted, n.dead, n.missing, n.has_seizures) IS NOT DISTINCT FROM (o.is_active, o.occurred_on, o.type_id, o.district_pcode, o.agency_id, o.status, o.sensitivity, o.arrests, o.rescued, o.intercepted, o.dead, o.missing, o.has_seizures))
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (day, type_id, district_pcode, agency_id, status, sensitivity) DO UPDATE SET incidents = c.incidents + excluded.incidents, arrests = c.arrests + excluded.arrests, rescued = c.rescued + excluded.rescued, intercepted = c.intercepted + excluded.intercepted, dead = c.dead + excluded.dead, missing = c.missing + excluded.missing,
    with_seizures = c.with_seizures + excluded.with_seizures;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER incidents_day_counts_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION incident_day_counts_add();--> statement-breakpoint
CREATE TRIGGER incidents_day_counts_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION incident_day_counts_change();--> statement-breakpoint
CREATE TRIGGER incidents_day_counts_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION incident_day_counts_remove();--> statement-breakpoint
DROP TRIGGER incident_day_counts_type_counts ON incident_day_counts;--> statement-breakpoint
DROP FUNCTION incident_type_counts_apply();--> statement-breakpoint
-- The per-type tables from the day rollup's rows: per day and type (and per month and type), what the statement added
-- less what it took away; a key that lost is lowered where it is, one that gained is raised or made.
CREATE FUNCTION incident_type_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_type_day_counts AS c (day, type_id, incidents)
  SELECT day, type_id, sum(incidents) FROM added GROUP BY 1, 2 HAVING sum(incidents) <> 0 ORDER BY 1, 2
  ON CONFLICT (day, type_id) DO UPDATE SET incidents = c.incidents + excluded.incidents;
  INSERT INTO incident_type_month_counts AS c (month, type_id, incidents)
  SELECT date_trunc('month', day)::date, type_id, sum(incidents) FROM added GROUP BY 1, 2 HAVING sum(incidents) <> 0 ORDER BY 1, 2
  ON CONFLICT (month, type_id) DO UPDATE SET incidents = c.incidents + excluded.incidents;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION incident_type_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident_type_day_counts AS c SET incidents = c.incidents - d.incidents
  FROM (SELECT day, type_id, sum(incidents) AS incidents FROM removed GROUP BY 1, 2 HAVING sum(incidents) <> 0) AS d
  WHERE c.day = d.day AND c.type_id = d.type_id;
  UPDATE incident_type_month_counts AS c SET incidents = c.incidents - d.incidents
  FROM (SELECT date_trunc('month', day)::date AS month, type_id, sum(incidents) AS incidents FROM removed GROUP BY 1, 2 HAVING sum(incidents) <> 0) AS d
  WHERE c.month = d.month AND c.type_id = d.type_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION incident_type_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT day, type_id, sum(n) AS incidents FROM (SELECT day, type_id, incidents AS n FROM added UNION ALL SELECT day, type_id, -incidents FROM removed) AS x
    GROUP BY 1, 2 HAVING sum(n) <> 0
  ), lowered AS (
    UPDATE incident_type_day_counts AS c SET incidents = c.incidents + d.incidents FROM d
    WHERE d.incidents < 0 AND c.day = d.day AND c.type_id = d.type_id
  )
  INSERT INTO incident_type_day_counts AS c (day, type_id, incidents)
  SELECT day, type_id, incidents FROM d WHERE incidents > 0 ORDER BY 1, 2
  ON CONFLICT (day, type_id) DO UPDATE SET incidents = c.incidents + excluded.incidents;
  WITH d AS (
    SELECT date_trunc('month', day)::date AS month, type_id, sum(n) AS incidents FROM (SELECT day, type_id, incidents AS n FROM added UNION ALL SELECT day, type_id, -incidents FROM removed) AS x
    GROUP BY 1, 2 HAVING sum(n) <> 0
  ), lowered AS (
    UPDATE incident_type_month_counts AS c SET incidents = c.incidents + d.incidents FROM d
    WHERE d.incidents < 0 AND c.month = d.month AND c.type_id = d.type_id
  )
  INSERT INTO incident_type_month_counts AS c (month, type_id, incidents)
  SELECT month, type_id, incidents FROM d WHERE incidents > 0 ORDER BY 1, 2
  ON CONFLICT (month, type_id) DO UPDATE SET incidents = c.incidents + excluded.incidents;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER incident_day_counts_type_counts_insert AFTER INSERT ON incident_day_counts REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION incident_type_counts_add();--> statement-breakpoint
CREATE TRIGGER incident_day_counts_type_counts_update AFTER UPDATE ON incident_day_counts REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION incident_type_counts_change();--> statement-breakpoint
CREATE TRIGGER incident_day_counts_type_counts_delete AFTER DELETE ON incident_day_counts REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION incident_type_counts_remove();

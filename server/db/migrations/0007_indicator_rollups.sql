CREATE TABLE "border_day_figures" (
	"day" date NOT NULL,
	"crossing_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"arrivals_libyan" integer DEFAULT 0 NOT NULL,
	"arrivals_foreign" integer DEFAULT 0 NOT NULL,
	"departures_libyan" integer DEFAULT 0 NOT NULL,
	"departures_foreign" integer DEFAULT 0 NOT NULL,
	"vehicles_in" integer DEFAULT 0 NOT NULL,
	"vehicles_out" integer DEFAULT 0 NOT NULL,
	"trucks_in" integer DEFAULT 0 NOT NULL,
	"trucks_out" integer DEFAULT 0 NOT NULL,
	"refused_entries" integer DEFAULT 0 NOT NULL,
	"migrants_intercepted" integer DEFAULT 0 NOT NULL,
	"persons_handed_over" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "border_day_figures_crossing_id_day_status_pk" PRIMARY KEY("crossing_id","day","status"),
	CONSTRAINT "border_day_figures_status_check" CHECK ("status" in ('draft', 'submitted', 'approved')),
	CONSTRAINT "border_day_figures_tallies_check" CHECK ("border_day_figures"."reports" >= 0 and "border_day_figures"."arrivals_libyan" >= 0 and "border_day_figures"."arrivals_foreign" >= 0 and "border_day_figures"."departures_libyan" >= 0 and "border_day_figures"."departures_foreign" >= 0 and "border_day_figures"."vehicles_in" >= 0 and "border_day_figures"."vehicles_out" >= 0 and "border_day_figures"."trucks_in" >= 0 and "border_day_figures"."trucks_out" >= 0 and "border_day_figures"."refused_entries" >= 0 and "border_day_figures"."migrants_intercepted" >= 0 and "border_day_figures"."persons_handed_over" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incident_day_counts" (
	"day" date NOT NULL,
	"type_id" uuid NOT NULL,
	"district_pcode" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text NOT NULL,
	"sensitivity" text NOT NULL,
	"incidents" integer DEFAULT 0 NOT NULL,
	"arrests" integer DEFAULT 0 NOT NULL,
	"rescued" integer DEFAULT 0 NOT NULL,
	"intercepted" integer DEFAULT 0 NOT NULL,
	"dead" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"with_seizures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "incident_day_counts_day_type_id_district_pcode_agency_id_status_sensitivity_pk" PRIMARY KEY("day","type_id","district_pcode","agency_id","status","sensitivity"),
	CONSTRAINT "incident_day_counts_status_check" CHECK ("status" in ('open', 'under_investigation', 'referred_to_prosecution', 'closed')),
	CONSTRAINT "incident_day_counts_sensitivity_check" CHECK ("sensitivity" in ('internal', 'restricted')),
	CONSTRAINT "incident_day_counts_tallies_check" CHECK ("incident_day_counts"."incidents" >= 0 and "incident_day_counts"."arrests" >= 0 and "incident_day_counts"."rescued" >= 0 and "incident_day_counts"."intercepted" >= 0 and "incident_day_counts"."dead" >= 0 and "incident_day_counts"."missing" >= 0 and "incident_day_counts"."with_seizures" between 0 and "incident_day_counts"."incidents")
);
--> statement-breakpoint
ALTER TABLE "plan_indicators" DROP CONSTRAINT "plan_indicators_source_check";--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "spec" jsonb;--> statement-breakpoint
ALTER TABLE "border_day_figures" ADD CONSTRAINT "border_day_figures_crossing_id_crossings_id_fk" FOREIGN KEY ("crossing_id") REFERENCES "public"."crossings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_day_counts" ADD CONSTRAINT "incident_day_counts_type_id_incident_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."incident_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_day_counts" ADD CONSTRAINT "incident_day_counts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_day_counts_type_idx" ON "incident_day_counts" USING btree ("type_id","day");--> statement-breakpoint
CREATE INDEX "incident_day_counts_agency_idx" ON "incident_day_counts" USING btree ("agency_id","day");--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_source_check" CHECK ("source" in ('manual', 'incidents', 'border'));--> statement-breakpoint
-- Hand-written: the rollups follow every row change of incidents and border reports in the writing transaction
-- (the old row's share is taken away, the new row's added), whoever writes: the app, an import, a seeder. They start
-- from the rows already there. See incident-rollups.table.ts and border-rollups.table.ts.
INSERT INTO "incident_day_counts" ("day", "type_id", "district_pcode", "agency_id", "status", "sensitivity", "incidents", "arrests", "rescued", "intercepted", "dead", "missing", "with_seizures")
  SELECT "occurred_on", "type_id", coalesce("district_pcode", ''), "agency_id", "status", "sensitivity", count(*), sum("arrests"), sum("rescued"), sum("intercepted"), sum("dead"), sum("missing"), count(*) FILTER (WHERE "has_seizures")
  FROM "incidents" WHERE "is_active" GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
CREATE FUNCTION incident_day_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.is_active, OLD.occurred_on, OLD.type_id, OLD.district_pcode, OLD.agency_id, OLD.status, OLD.sensitivity, OLD.arrests, OLD.rescued, OLD.intercepted, OLD.dead, OLD.missing, OLD.has_seizures) IS NOT DISTINCT FROM (NEW.is_active, NEW.occurred_on, NEW.type_id, NEW.district_pcode, NEW.agency_id, NEW.status, NEW.sensitivity, NEW.arrests, NEW.rescued, NEW.intercepted, NEW.dead, NEW.missing, NEW.has_seizures) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.is_active THEN
    UPDATE incident_day_counts SET incidents = incidents - 1, arrests = arrests - OLD.arrests, rescued = rescued - OLD.rescued, intercepted = intercepted - OLD.intercepted, dead = dead - OLD.dead, missing = missing - OLD.missing,
      with_seizures = with_seizures - OLD.has_seizures::int
    WHERE day = OLD.occurred_on AND type_id = OLD.type_id AND district_pcode = coalesce(OLD.district_pcode, '')
      AND agency_id = OLD.agency_id AND status = OLD.status AND sensitivity = OLD.sensitivity;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.is_active THEN
    INSERT INTO incident_day_counts AS c (day, type_id, district_pcode, agency_id, status, sensitivity, incidents, arrests, rescued, intercepted, dead, missing, with_seizures)
    VALUES (NEW.occurred_on, NEW.type_id, coalesce(NEW.district_pcode, ''), NEW.agency_id, NEW.status, NEW.sensitivity, 1, NEW.arrests, NEW.rescued, NEW.intercepted, NEW.dead, NEW.missing, NEW.has_seizures::int)
    ON CONFLICT (day, type_id, district_pcode, agency_id, status, sensitivity) DO UPDATE SET incidents = c.incidents + 1, arrests = c.arrests + excluded.arrests, rescued = c.rescued + excluded.rescued, intercepted = c.intercepted + excluded.intercepted, dead = c.dead + excluded.dead, missing = c.missing + excluded.missing,
      with_seizures = c.with_seizures + excluded.with_seizures;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION incident_day_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM incident_day_counts;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER incidents_day_counts AFTER INSERT OR UPDATE OR DELETE ON incidents
  FOR EACH ROW EXECUTE FUNCTION incident_day_counts_apply();--> statement-breakpoint
CREATE TRIGGER incidents_day_counts_truncate AFTER TRUNCATE ON incidents
  FOR EACH STATEMENT EXECUTE FUNCTION incident_day_counts_clear();--> statement-breakpoint
INSERT INTO "border_day_figures" ("crossing_id", "day", "status", "reports", "arrivals_libyan", "arrivals_foreign", "departures_libyan", "departures_foreign", "vehicles_in", "vehicles_out", "trucks_in", "trucks_out", "refused_entries", "migrants_intercepted", "persons_handed_over")
  SELECT "crossing_id", "day", "status", count(*), sum("arrivals_libyan"), sum("arrivals_foreign"), sum("departures_libyan"), sum("departures_foreign"), sum("vehicles_in"), sum("vehicles_out"), sum("trucks_in"), sum("trucks_out"), sum("refused_entries"), sum("migrants_intercepted"), sum("persons_handed_over") FROM "border_reports" GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE FUNCTION border_day_figures_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.crossing_id, OLD.day, OLD.status, OLD.arrivals_libyan, OLD.arrivals_foreign, OLD.departures_libyan, OLD.departures_foreign, OLD.vehicles_in, OLD.vehicles_out, OLD.trucks_in, OLD.trucks_out, OLD.refused_entries, OLD.migrants_intercepted, OLD.persons_handed_over) IS NOT DISTINCT FROM (NEW.crossing_id, NEW.day, NEW.status, NEW.arrivals_libyan, NEW.arrivals_foreign, NEW.departures_libyan, NEW.departures_foreign, NEW.vehicles_in, NEW.vehicles_out, NEW.trucks_in, NEW.trucks_out, NEW.refused_entries, NEW.migrants_intercepted, NEW.persons_handed_over) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE border_day_figures SET reports = reports - 1, arrivals_libyan = arrivals_libyan - OLD.arrivals_libyan, arrivals_foreign = arrivals_foreign - OLD.arrivals_foreign, departures_libyan = departures_libyan - OLD.departures_libyan, departures_foreign = departures_foreign - OLD.departures_foreign, vehicles_in = vehicles_in - OLD.vehicles_in, vehicles_out = vehicles_out - OLD.vehicles_out, trucks_in = trucks_in - OLD.trucks_in, trucks_out = trucks_out - OLD.trucks_out, refused_entries = refused_entries - OLD.refused_entries, migrants_intercepted = migrants_intercepted - OLD.migrants_intercepted, persons_handed_over = persons_handed_over - OLD.persons_handed_over
    WHERE crossing_id = OLD.crossing_id AND day = OLD.day AND status = OLD.status;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO border_day_figures AS c (crossing_id, day, status, reports, arrivals_libyan, arrivals_foreign, departures_libyan, departures_foreign, vehicles_in, vehicles_out, trucks_in, trucks_out, refused_entries, migrants_intercepted, persons_handed_over)
    VALUES (NEW.crossing_id, NEW.day, NEW.status, 1, NEW.arrivals_libyan, NEW.arrivals_foreign, NEW.departures_libyan, NEW.departures_foreign, NEW.vehicles_in, NEW.vehicles_out, NEW.trucks_in, NEW.trucks_out, NEW.refused_entries, NEW.migrants_intercepted, NEW.persons_handed_over)
    ON CONFLICT (crossing_id, day, status) DO UPDATE SET reports = c.reports + 1, arrivals_libyan = c.arrivals_libyan + excluded.arrivals_libyan, arrivals_foreign = c.arrivals_foreign + excluded.arrivals_foreign, departures_libyan = c.departures_libyan + excluded.departures_libyan, departures_foreign = c.departures_foreign + excluded.departures_foreign, vehicles_in = c.vehicles_in + excluded.vehicles_in, vehicles_out = c.vehicles_out + excluded.vehicles_out, trucks_in = c.trucks_in + excluded.trucks_in, trucks_out = c.trucks_out + excluded.trucks_out, refused_entries = c.refused_entries + excluded.refused_entries, migrants_intercepted = c.migrants_intercepted + excluded.migrants_intercepted, persons_handed_over = c.persons_handed_over + excluded.persons_handed_over;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION border_day_figures_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM border_day_figures;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER border_reports_day_figures AFTER INSERT OR UPDATE OR DELETE ON border_reports
  FOR EACH ROW EXECUTE FUNCTION border_day_figures_apply();--> statement-breakpoint
CREATE TRIGGER border_reports_day_figures_truncate AFTER TRUNCATE ON border_reports
  FOR EACH STATEMENT EXECUTE FUNCTION border_day_figures_clear();

CREATE TABLE "training_coverage_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "training_coverage_version_one_row" CHECK ("training_coverage_version"."id" = 1)
);
--> statement-breakpoint
-- Hand-written: every statement that changes what the training coverage counts bumps the one version row in its
-- own transaction; the coverage view caches its cells per version (server/features/training/coverage.ts).
INSERT INTO "training_coverage_version" ("id", "version") VALUES (1, 1);--> statement-breakpoint
CREATE FUNCTION training_coverage_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE training_coverage_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER certificates_coverage_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificates
  FOR EACH STATEMENT EXECUTE FUNCTION training_coverage_bump();--> statement-breakpoint
CREATE TRIGGER personnel_coverage_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON personnel
  FOR EACH STATEMENT EXECUTE FUNCTION training_coverage_bump();--> statement-breakpoint
CREATE TRIGGER agencies_coverage_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION training_coverage_bump();--> statement-breakpoint
CREATE TRIGGER training_targets_coverage_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_targets
  FOR EACH STATEMENT EXECUTE FUNCTION training_coverage_bump();

ALTER TABLE "task_supports" ADD COLUMN "task_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "task_supports" ADD COLUMN "task_sensitivity" text;--> statement-breakpoint
CREATE INDEX "task_supports_restricted_open_idx" ON "task_supports" USING btree ("agency_id","task_due_on","task_agency_id") WHERE task_status in ('todo', 'in_progress', 'blocked') and task_sensitivity = 'restricted';--> statement-breakpoint
ALTER TABLE "task_supports" ADD CONSTRAINT "task_supports_task_sensitivity_check" CHECK ("task_sensitivity" in ('internal', 'restricted'));--> statement-breakpoint
-- Hand-written: a support's copies of its task's lead agency and sensitivity, filled from the task on insert (and on a
-- change of task), followed on every change of the task, whoever writes. See tasks.table.ts.
UPDATE "task_supports" SET "task_agency_id" = "tasks"."agency_id", "task_sensitivity" = "tasks"."sensitivity"
  FROM "tasks" WHERE "tasks"."id" = "task_supports"."task_id";--> statement-breakpoint
-- (A support whose task is not there yet keeps the copies it brings: migrate-to-postgres copies the tables in any
-- order, with the foreign keys checked at the end.)
CREATE FUNCTION task_supports_copy_task() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  task_agency uuid;
  task_sensitivity text;
BEGIN
  SELECT agency_id, sensitivity INTO task_agency, task_sensitivity FROM tasks WHERE id = NEW.task_id;
  IF FOUND THEN
    NEW.task_agency_id := task_agency;
    NEW.task_sensitivity := task_sensitivity;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER task_supports_copy_task BEFORE INSERT OR UPDATE OF task_id, task_agency_id, task_sensitivity ON task_supports
  FOR EACH ROW EXECUTE FUNCTION task_supports_copy_task();--> statement-breakpoint
CREATE FUNCTION tasks_copy_to_supports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_supports SET task_agency_id = NEW.agency_id, task_sensitivity = NEW.sensitivity WHERE task_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER tasks_copy_to_supports AFTER UPDATE OF agency_id, sensitivity ON tasks
  FOR EACH ROW WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.sensitivity IS DISTINCT FROM NEW.sensitivity)
  EXECUTE FUNCTION tasks_copy_to_supports();

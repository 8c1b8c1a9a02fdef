DROP INDEX "tasks_open_due_idx";--> statement-breakpoint
DROP INDEX "tasks_agency_open_due_idx";--> statement-breakpoint
ALTER TABLE "task_supports" ADD COLUMN "task_due_on" date;--> statement-breakpoint
CREATE INDEX "task_supports_open_due_idx" ON "task_supports" USING btree ("agency_id","task_due_on","task_id") WHERE task_status in ('todo', 'in_progress', 'blocked');--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_on","id","sensitivity","agency_id") WHERE status in ('todo', 'in_progress', 'blocked');--> statement-breakpoint
CREATE INDEX "tasks_agency_open_due_idx" ON "tasks" USING btree ("agency_id","due_on","id","sensitivity") WHERE status in ('todo', 'in_progress', 'blocked');--> statement-breakpoint
-- Backfill: the supports of existing tasks get their copy of the task's due day (and status, which was already kept).
UPDATE "task_supports" SET "task_due_on" = "tasks"."due_on", "task_status" = "tasks"."status" FROM "tasks" WHERE "tasks"."id" = "task_supports"."task_id";

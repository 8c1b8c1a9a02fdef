CREATE TABLE "commitment_alerts" (
	"commitment_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"due_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitment_alerts_commitment_id_condition_due_on_pk" PRIMARY KEY("commitment_id","condition","due_on")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner_agency_id" uuid,
	"owner_attendee_id" uuid,
	"due_on" date,
	"topic" text,
	"status" text DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"task_id" uuid,
	"need_id" uuid,
	"search_key" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "honours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"reason" text,
	"awarded_on" date NOT NULL,
	"recipient_person_id" uuid,
	"recipient_agency_id" uuid,
	"recipient_name" text NOT NULL,
	"recipient_title" text,
	"giver_person_id" uuid,
	"giver_agency_id" uuid,
	"giver_name" text,
	"meeting_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honours_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"personnel_id" uuid,
	"name" text NOT NULL,
	"title" text,
	"rank" text,
	"affiliation" text,
	"agency_id" uuid,
	"role" text DEFAULT 'attendee' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"speaker_id" uuid,
	"topic" text,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"agency_id" uuid NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"district_pcode" text,
	"place_text" text,
	"host_agency_id" uuid,
	"summary" text,
	"source_text" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
DROP INDEX "tasks_open_due_idx";--> statement-breakpoint
DROP INDEX "tasks_agency_open_due_idx";--> statement-breakpoint
ALTER TABLE "task_supports" ADD COLUMN "task_due_on" date;--> statement-breakpoint
ALTER TABLE "commitment_alerts" ADD CONSTRAINT "commitment_alerts_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_attendee_id_meeting_attendees_id_fk" FOREIGN KEY ("owner_attendee_id") REFERENCES "public"."meeting_attendees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_recipient_person_id_personnel_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_recipient_agency_id_agencies_id_fk" FOREIGN KEY ("recipient_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_giver_person_id_personnel_id_fk" FOREIGN KEY ("giver_person_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_giver_agency_id_agencies_id_fk" FOREIGN KEY ("giver_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_personnel_id_personnel_id_fk" FOREIGN KEY ("personnel_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_statements" ADD CONSTRAINT "meeting_statements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_statements" ADD CONSTRAINT "meeting_statements_speaker_id_meeting_attendees_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."meeting_attendees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_agency_id_agencies_id_fk" FOREIGN KEY ("host_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_meeting_idx" ON "commitments" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "commitments_open_due_idx" ON "commitments" USING btree ("due_on","id") WHERE status in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "commitments_owner_open_due_idx" ON "commitments" USING btree ("owner_agency_id","due_on") WHERE status in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "commitments_owner_status_idx" ON "commitments" USING btree ("owner_agency_id","status");--> statement-breakpoint
CREATE INDEX "commitments_status_due_idx" ON "commitments" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "commitments_task_idx" ON "commitments" USING btree ("task_id") WHERE task_id is not null;--> statement-breakpoint
CREATE INDEX "commitments_need_idx" ON "commitments" USING btree ("need_id") WHERE need_id is not null;--> statement-breakpoint
CREATE INDEX "commitments_search_idx" ON "commitments" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "honours_awarded_idx" ON "honours" USING btree ("awarded_on","id");--> statement-breakpoint
CREATE INDEX "honours_agency_awarded_idx" ON "honours" USING btree ("agency_id","awarded_on");--> statement-breakpoint
CREATE INDEX "honours_kind_awarded_idx" ON "honours" USING btree ("kind","awarded_on");--> statement-breakpoint
CREATE INDEX "honours_meeting_idx" ON "honours" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "honours_recipient_person_idx" ON "honours" USING btree ("recipient_person_id");--> statement-breakpoint
CREATE INDEX "honours_recipient_agency_idx" ON "honours" USING btree ("recipient_agency_id");--> statement-breakpoint
CREATE INDEX "honours_search_idx" ON "honours" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_attendees_meeting_idx" ON "meeting_attendees" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_attendees_personnel_idx" ON "meeting_attendees" USING btree ("personnel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_host_uq" ON "meeting_attendees" USING btree ("meeting_id") WHERE role = 'host';--> statement-breakpoint
CREATE INDEX "meeting_statements_meeting_idx" ON "meeting_statements" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_statements_speaker_idx" ON "meeting_statements" USING btree ("speaker_id");--> statement-breakpoint
CREATE INDEX "meetings_agency_starts_idx" ON "meetings" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "meetings_district_starts_idx" ON "meetings" USING btree ("district_pcode","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_search_idx" ON "meetings" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "task_supports_open_due_idx" ON "task_supports" USING btree ("agency_id","task_due_on","task_id") WHERE task_status in ('todo', 'in_progress', 'blocked');--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_on","id","sensitivity","agency_id") WHERE status in ('todo', 'in_progress', 'blocked');--> statement-breakpoint
CREATE INDEX "tasks_agency_open_due_idx" ON "tasks" USING btree ("agency_id","due_on","id","sensitivity") WHERE status in ('todo', 'in_progress', 'blocked');--> statement-breakpoint
-- Backfill: the supports of existing tasks get their copy of the task's due day (and status, which was already kept).
UPDATE "task_supports" SET "task_due_on" = "tasks"."due_on", "task_status" = "tasks"."status" FROM "tasks" WHERE "tasks"."id" = "task_supports"."task_id";

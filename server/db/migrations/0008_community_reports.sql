CREATE TABLE "community_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_messages_kind_check" CHECK ("kind" in ('reply', 'note'))
);
--> statement-breakpoint
CREATE TABLE "community_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"code_hash" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"district_pcode" text NOT NULL,
	"town_pcode" text,
	"latitude" double precision,
	"longitude" double precision,
	"when" text NOT NULL,
	"contact" text,
	"language" text DEFAULT 'ar' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"outcome" text,
	"receiving_agency_id" uuid,
	"assigned_agency_id" uuid,
	"duplicate_of_id" uuid,
	"similar_to_id" uuid,
	"incident_id" uuid,
	"search_key" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_reports_reference_unique" UNIQUE("reference"),
	CONSTRAINT "community_reports_category_check" CHECK ("category" in ('smuggling', 'trafficking', 'weapons', 'drugs', 'missing_person', 'threat', 'other')),
	CONSTRAINT "community_reports_district_pcode_check" CHECK ("district_pcode" in ('LY0101', 'LY0102', 'LY0103', 'LY0104', 'LY0105', 'LY0106', 'LY0107', 'LY0208', 'LY0209', 'LY0210', 'LY0211', 'LY0212', 'LY0213', 'LY0214', 'LY0215', 'LY0216', 'LY0317', 'LY0318', 'LY0319', 'LY0320', 'LY0321', 'LY0322')),
	CONSTRAINT "community_reports_when_check" CHECK ("when" in ('now', 'today', 'yesterday', 'this_week', 'earlier')),
	CONSTRAINT "community_reports_language_check" CHECK ("language" in ('ar', 'en')),
	CONSTRAINT "community_reports_status_check" CHECK ("status" in ('new', 'assigned', 'converted', 'closed')),
	CONSTRAINT "community_reports_outcome_check" CHECK ("outcome" in ('action_taken', 'referred', 'no_action', 'insufficient_information', 'duplicate', 'false_report')),
	CONSTRAINT "community_reports_coordinates_check" CHECK (("community_reports"."latitude" is null) = ("community_reports"."longitude" is null)),
	CONSTRAINT "community_reports_duplicate_check" CHECK ("community_reports"."duplicate_of_id" <> "community_reports"."id")
);
--> statement-breakpoint
CREATE TABLE "community_salts" (
	"window_start" timestamp with time zone PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_source_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "community_messages" ADD CONSTRAINT "community_messages_report_id_community_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."community_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_messages" ADD CONSTRAINT "community_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_receiving_agency_id_agencies_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_assigned_agency_id_agencies_id_fk" FOREIGN KEY ("assigned_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_duplicate_of_id_community_reports_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."community_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_similar_to_id_community_reports_id_fk" FOREIGN KEY ("similar_to_id") REFERENCES "public"."community_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_messages_report_idx" ON "community_messages" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "community_reports_code_uq" ON "community_reports" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "community_reports_receiving_idx" ON "community_reports" USING btree ("receiving_agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "community_reports_assigned_idx" ON "community_reports" USING btree ("assigned_agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "community_reports_district_idx" ON "community_reports" USING btree ("district_pcode","created_at","id");--> statement-breakpoint
CREATE INDEX "community_reports_status_idx" ON "community_reports" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "community_reports_created_idx" ON "community_reports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "community_reports_search_idx" ON "community_reports" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_source_check" CHECK (source in ('tansiq', 'acled', 'iom', 'community'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("kind" in ('task_assigned', 'contribution_asked', 'task_due_soon', 'task_overdue', 'task_status', 'commitment_assigned', 'commitment_due_soon', 'commitment_overdue', 'commitment_status', 'nomination_accepted', 'nomination_waitlisted', 'nomination_declined', 'nomination_promoted', 'course_cancelled', 'community_report_new'));
CREATE TABLE "course_attendance" (
	"nomination_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"mark" text NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_attendance_nomination_id_session_id_pk" PRIMARY KEY("nomination_id","session_id"),
	CONSTRAINT "course_attendance_mark_check" CHECK ("course_attendance"."mark" in ('present', 'late', 'absent', 'excused'))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"nomination_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"person_name_ar" text NOT NULL,
	"person_name_en" text,
	"course_title_ar" text NOT NULL,
	"course_title_en" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"outcome" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_on" date,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"revoked_by" uuid,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	CONSTRAINT "certificates_topic_check" CHECK ("certificates"."topic" in ('anti_smuggling', 'trafficking_victims', 'border_documents', 'criminal_investigation', 'crime_scene', 'human_rights', 'community_policing', 'first_aid', 'driving', 'weapons')),
	CONSTRAINT "certificates_outcome_check" CHECK ("certificates"."outcome" in ('pass', 'fail')),
	CONSTRAINT "certificates_sensitivity_check" CHECK ("certificates"."sensitivity" in ('internal', 'restricted')),
	CONSTRAINT "certificates_code_check" CHECK ("certificates"."code" ~ '^[0-9A-HJKMNP-TV-Z]{16}$'),
	CONSTRAINT "certificates_revoke_check" CHECK (("certificates"."revoked_at" is null) = ("certificates"."revoke_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "course_quotas" (
	"course_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"places" integer NOT NULL,
	CONSTRAINT "course_quotas_course_id_agency_id_pk" PRIMARY KEY("course_id","agency_id"),
	CONSTRAINT "course_quotas_places_check" CHECK ("course_quotas"."places" between 0 and 500)
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"title_ar" text,
	CONSTRAINT "course_sessions_order_check" CHECK ("course_sessions"."starts_at" < "course_sessions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text,
	"description" text,
	"provider_kind" text NOT NULL,
	"provider_agency_id" uuid,
	"provider_name" text,
	"place" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"target_agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"target_ranks" text[] DEFAULT '{}' NOT NULL,
	"prerequisites" text,
	"need_id" uuid,
	"certificate_valid_months" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_reference_unique" UNIQUE("reference"),
	CONSTRAINT "courses_kind_check" CHECK ("courses"."kind" in ('course', 'workshop')),
	CONSTRAINT "courses_topic_check" CHECK ("courses"."topic" in ('anti_smuggling', 'trafficking_victims', 'border_documents', 'criminal_investigation', 'crime_scene', 'human_rights', 'community_policing', 'first_aid', 'driving', 'weapons')),
	CONSTRAINT "courses_provider_kind_check" CHECK ("courses"."provider_kind" in ('ministry', 'agency', 'partner')),
	CONSTRAINT "courses_status_check" CHECK ("courses"."status" in ('planned', 'open', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "courses_sensitivity_check" CHECK ("courses"."sensitivity" in ('internal', 'restricted')),
	CONSTRAINT "courses_capacity_check" CHECK ("courses"."capacity" between 1 and 500),
	CONSTRAINT "courses_valid_months_check" CHECK ("courses"."certificate_valid_months" between 1 and 120),
	CONSTRAINT "courses_days_check" CHECK ("courses"."starts_on" <= "courses"."ends_on"),
	CONSTRAINT "courses_cancel_reason_check" CHECK ("courses"."status" <> 'cancelled' or "courses"."cancel_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"reason" text,
	"outcome" text,
	"score" numeric(5, 2),
	"remark" text,
	"nominated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_status_check" CHECK ("nominations"."status" in ('nominated', 'accepted', 'waitlisted', 'declined', 'withdrawn')),
	CONSTRAINT "nominations_outcome_check" CHECK ("nominations"."outcome" in ('pass', 'fail')),
	CONSTRAINT "nominations_score_check" CHECK ("nominations"."score" between 0 and 100),
	CONSTRAINT "nominations_waitlist_check" CHECK (("nominations"."status" = 'waitlisted') = ("nominations"."waitlisted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "training_targets" (
	"agency_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"target" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_targets_agency_id_topic_pk" PRIMARY KEY("agency_id","topic"),
	CONSTRAINT "training_targets_topic_check" CHECK ("training_targets"."topic" in ('anti_smuggling', 'trafficking_victims', 'border_documents', 'criminal_investigation', 'crime_scene', 'human_rights', 'community_policing', 'first_aid', 'driving', 'weapons')),
	CONSTRAINT "training_targets_target_check" CHECK ("training_targets"."target" between 0 and 1000000)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_personnel_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_quotas" ADD CONSTRAINT "course_quotas_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_quotas" ADD CONSTRAINT "course_quotas_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_provider_agency_id_agencies_id_fk" FOREIGN KEY ("provider_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_person_id_personnel_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_targets" ADD CONSTRAINT "training_targets_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_uq" ON "certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_nomination_uq" ON "certificates" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "certificates_course_idx" ON "certificates" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "certificates_coverage_idx" ON "certificates" USING btree ("topic","person_id","issued_at","expires_on","revoked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "course_sessions_course_seq_uq" ON "course_sessions" USING btree ("course_id","seq");--> statement-breakpoint
CREATE INDEX "course_sessions_starts_idx" ON "course_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "courses_starts_idx" ON "courses" USING btree ("starts_on","id");--> statement-breakpoint
CREATE INDEX "courses_need_idx" ON "courses" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "courses_search_idx" ON "courses" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_course_person_uq" ON "nominations" USING btree ("course_id","person_id");--> statement-breakpoint
CREATE INDEX "nominations_person_idx" ON "nominations" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "nominations_course_status_idx" ON "nominations" USING btree ("course_id","status","waitlisted_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("kind" in ('task_assigned', 'contribution_asked', 'task_due_soon', 'task_overdue', 'task_status', 'commitment_assigned', 'commitment_due_soon', 'commitment_overdue', 'commitment_status', 'nomination_accepted', 'nomination_waitlisted', 'nomination_declined', 'nomination_promoted', 'course_cancelled'));
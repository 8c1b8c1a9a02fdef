CREATE TABLE "need_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"pledge_id" uuid,
	"quantity" numeric(14, 2) NOT NULL,
	"delivered_on" date NOT NULL,
	"reference" text,
	"received_by" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_pledges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"pledger_agency_id" uuid,
	"pledger_name" text,
	"quantity" numeric(14, 2) NOT NULL,
	"due_on" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"agency_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"quantity" numeric(14, 2) NOT NULL,
	"unit" text NOT NULL,
	"unit_cost" numeric(14, 2) DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'LYD' NOT NULL,
	"estimated_cost" numeric(20, 2) GENERATED ALWAYS AS (quantity * unit_cost) STORED NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"justification" text,
	"responsible_agency_id" uuid NOT NULL,
	"objective_id" uuid,
	"task_id" uuid,
	"problem_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"pledged_quantity" numeric(14, 2) DEFAULT 0 NOT NULL,
	"delivered_quantity" numeric(14, 2) DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"location" text,
	"since" date,
	"impact" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"need_id" uuid,
	"task_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "need_deliveries" ADD CONSTRAINT "need_deliveries_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_deliveries" ADD CONSTRAINT "need_deliveries_pledge_id_need_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."need_pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_deliveries" ADD CONSTRAINT "need_deliveries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_history" ADD CONSTRAINT "need_history_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_history" ADD CONSTRAINT "need_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_pledger_agency_id_agencies_id_fk" FOREIGN KEY ("pledger_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_responsible_agency_id_agencies_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_deliveries_need_idx" ON "need_deliveries" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_history_need_idx" ON "need_history" USING btree ("need_id","at");--> statement-breakpoint
CREATE INDEX "need_pledges_need_idx" ON "need_pledges" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "needs_agency_created_idx" ON "needs" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_responsible_created_idx" ON "needs" USING btree ("responsible_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_register_idx" ON "needs" USING btree ("status","category","created_at","currency","is_active","sensitivity","agency_id","responsible_agency_id","quantity","delivered_quantity","unit_cost","id");--> statement-breakpoint
CREATE INDEX "needs_category_created_idx" ON "needs" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "needs_created_idx" ON "needs" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "needs_search_idx" ON "needs" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "problems_agency_created_idx" ON "problems" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "problems_search_idx" ON "problems" USING gin ("search_key" gin_trgm_ops);
CREATE TABLE "incident_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"group" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 500 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_types_code_unique" UNIQUE("code"),
	CONSTRAINT "incident_types_group_check" CHECK ("group" in ('smuggling', 'human_trafficking', 'migrant_smuggling', 'irregular_migration', 'crime', 'border_violation', 'other'))
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"agency_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_time" text,
	"reported_at" timestamp with time zone NOT NULL,
	"district_pcode" text,
	"place_name" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"narrative" text,
	"status" text DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"arrests" integer DEFAULT 0 NOT NULL,
	"rescued" integer DEFAULT 0 NOT NULL,
	"intercepted" integer DEFAULT 0 NOT NULL,
	"nationalities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dead" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"has_seizures" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'tansiq' NOT NULL,
	"source_id" text,
	"source_url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_reference_unique" UNIQUE("reference"),
	CONSTRAINT "incidents_status_check" CHECK (status in ('open', 'under_investigation', 'referred_to_prosecution', 'closed')),
	CONSTRAINT "incidents_source_check" CHECK (source in ('tansiq', 'acled', 'iom')),
	CONSTRAINT "incidents_sensitivity_check" CHECK (sensitivity in ('internal', 'restricted')),
	CONSTRAINT "incidents_district_check" CHECK (district_pcode is null or district_pcode ~ '^LY[0-9]{4}$'),
	CONSTRAINT "incidents_counts_check" CHECK (arrests >= 0 and rescued >= 0 and intercepted >= 0 and dead >= 0 and missing >= 0),
	CONSTRAINT "incidents_coordinates_check" CHECK ((latitude is null) = (longitude is null) and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180))),
	CONSTRAINT "incidents_time_check" CHECK (occurred_time is null or occurred_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "seizure_custody" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seizure_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"to_whom" text,
	"note" text,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seizure_custody_status_check" CHECK (to_status in ('held', 'handed_over', 'returned', 'destroyed'))
);
--> statement-breakpoint
CREATE TABLE "seizures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"item" text NOT NULL,
	"kind" text,
	"description" text,
	"quantity" numeric(16, 3) NOT NULL,
	"unit" text NOT NULL,
	"estimated_value_lyd" numeric(16, 2),
	"custody_status" text DEFAULT 'held' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seizures_item_check" CHECK (item in ('fuel', 'vehicles', 'weapons', 'ammunition', 'drugs', 'cash', 'goods')),
	CONSTRAINT "seizures_unit_check" CHECK (unit in ('litre', 'vehicle', 'piece', 'round', 'kg', 'gram', 'tablet', 'tonne', 'carton', 'amount')),
	CONSTRAINT "seizures_custody_check" CHECK (custody_status in ('held', 'handed_over', 'returned', 'destroyed')),
	CONSTRAINT "seizures_quantity_check" CHECK (quantity > 0),
	CONSTRAINT "seizures_value_check" CHECK (estimated_value_lyd is null or estimated_value_lyd >= 0)
);
--> statement-breakpoint
CREATE TABLE "victim_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"women" integer DEFAULT 0 NOT NULL,
	"men" integer DEFAULT 0 NOT NULL,
	"girls" integer DEFAULT 0 NOT NULL,
	"boys" integer DEFAULT 0 NOT NULL,
	"referred_to" text NOT NULL,
	"referred_on" date NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_referrals_status_check" CHECK (status in ('in_progress', 'accepted', 'declined', 'done')),
	CONSTRAINT "victim_referrals_counts_check" CHECK (women >= 0 and men >= 0 and girls >= 0 and boys >= 0 and women + men + girls + boys > 0)
);
--> statement-breakpoint
ALTER TABLE "incident_history" ADD CONSTRAINT "incident_history_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_history" ADD CONSTRAINT "incident_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_type_id_incident_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."incident_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizure_custody" ADD CONSTRAINT "seizure_custody_seizure_id_seizures_id_fk" FOREIGN KEY ("seizure_id") REFERENCES "public"."seizures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizure_custody" ADD CONSTRAINT "seizure_custody_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_history_incident_idx" ON "incident_history" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "incident_types_group_idx" ON "incident_types" USING btree ("group","sort_order");--> statement-breakpoint
CREATE INDEX "incidents_occurred_idx" ON "incidents" USING btree ("occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_reported_idx" ON "incidents" USING btree ("reported_at","id");--> statement-breakpoint
CREATE INDEX "incidents_type_district_idx" ON "incidents" USING btree ("type_id","district_pcode","occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_district_idx" ON "incidents" USING btree ("district_pcode","occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_agency_idx" ON "incidents" USING btree ("agency_id","occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("status","occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_search_idx" ON "incidents" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_source_idx" ON "incidents" USING btree ("source","source_id") WHERE source_id is not null;--> statement-breakpoint
CREATE INDEX "seizure_custody_seizure_idx" ON "seizure_custody" USING btree ("seizure_id","at");--> statement-breakpoint
CREATE INDEX "seizures_incident_idx" ON "seizures" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "seizures_register_idx" ON "seizures" USING btree ("item","custody_status");--> statement-breakpoint
CREATE INDEX "victim_referrals_incident_idx" ON "victim_referrals" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "victim_referrals_agency_idx" ON "victim_referrals" USING btree ("agency_id","referred_on");--> statement-breakpoint
-- The seeded incident types (common/incidents/incident-types.ts); admins edit them afterwards.
INSERT INTO "incident_types" ("id", "code", "group", "name_ar", "name_en", "sort_order") VALUES
  (gen_random_uuid(), 'smuggling_fuel', 'smuggling', 'تهريب وقود', 'Fuel smuggling', 10),
  (gen_random_uuid(), 'smuggling_goods', 'smuggling', 'تهريب بضائع', 'Goods smuggling', 20),
  (gen_random_uuid(), 'smuggling_drugs', 'smuggling', 'تهريب مخدرات', 'Drug smuggling', 30),
  (gen_random_uuid(), 'smuggling_weapons', 'smuggling', 'تهريب أسلحة', 'Weapons smuggling', 40),
  (gen_random_uuid(), 'smuggling_cash', 'smuggling', 'تهريب عملات وأموال', 'Cash smuggling', 50),
  (gen_random_uuid(), 'smuggling_vehicles', 'smuggling', 'تهريب مركبات', 'Vehicle smuggling', 60),
  (gen_random_uuid(), 'human_trafficking', 'human_trafficking', 'اتجار بالبشر', 'Human trafficking', 70),
  (gen_random_uuid(), 'migrant_smuggling', 'migrant_smuggling', 'تهريب مهاجرين', 'Migrant smuggling', 80),
  (gen_random_uuid(), 'migration_interception', 'irregular_migration', 'اعتراض مهاجرين غير نظاميين', 'Interception of irregular migrants', 90),
  (gen_random_uuid(), 'migration_deaths_missing', 'irregular_migration', 'وفيات ومفقودون من المهاجرين', 'Migrant deaths and missing', 100),
  (gen_random_uuid(), 'crime_theft', 'crime', 'سرقة', 'Theft', 110),
  (gen_random_uuid(), 'crime_assault', 'crime', 'اعتداء', 'Assault', 120),
  (gen_random_uuid(), 'crime_homicide', 'crime', 'قتل', 'Homicide', 130),
  (gen_random_uuid(), 'crime_kidnapping', 'crime', 'خطف', 'Kidnapping', 140),
  (gen_random_uuid(), 'crime_fraud', 'crime', 'احتيال', 'Fraud', 150),
  (gen_random_uuid(), 'border_violation', 'border_violation', 'خرق حدودي', 'Border violation', 160),
  (gen_random_uuid(), 'other', 'other', 'أخرى', 'Other', 170);

CREATE TABLE "border_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"crossing_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"shift" text NOT NULL,
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
	"notes" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "border_reports_reference_unique" UNIQUE("reference"),
	CONSTRAINT "border_reports_shift_check" CHECK ("shift" in ('morning', 'evening', 'night')),
	CONSTRAINT "border_reports_status_check" CHECK ("status" in ('draft', 'submitted', 'approved')),
	CONSTRAINT "border_reports_arrivalsLibyan_check" CHECK ("border_reports"."arrivals_libyan" >= 0),
	CONSTRAINT "border_reports_arrivalsForeign_check" CHECK ("border_reports"."arrivals_foreign" >= 0),
	CONSTRAINT "border_reports_departuresLibyan_check" CHECK ("border_reports"."departures_libyan" >= 0),
	CONSTRAINT "border_reports_departuresForeign_check" CHECK ("border_reports"."departures_foreign" >= 0),
	CONSTRAINT "border_reports_vehiclesIn_check" CHECK ("border_reports"."vehicles_in" >= 0),
	CONSTRAINT "border_reports_vehiclesOut_check" CHECK ("border_reports"."vehicles_out" >= 0),
	CONSTRAINT "border_reports_trucksIn_check" CHECK ("border_reports"."trucks_in" >= 0),
	CONSTRAINT "border_reports_trucksOut_check" CHECK ("border_reports"."trucks_out" >= 0),
	CONSTRAINT "border_reports_refusedEntries_check" CHECK ("border_reports"."refused_entries" >= 0),
	CONSTRAINT "border_reports_migrantsIntercepted_check" CHECK ("border_reports"."migrants_intercepted" >= 0),
	CONSTRAINT "border_reports_personsHandedOver_check" CHECK ("border_reports"."persons_handed_over" >= 0),
	CONSTRAINT "border_reports_trucks_check" CHECK ("border_reports"."trucks_in" <= "border_reports"."vehicles_in" and "border_reports"."trucks_out" <= "border_reports"."vehicles_out"),
	CONSTRAINT "border_reports_handed_over_check" CHECK ("border_reports"."persons_handed_over" <= "border_reports"."migrants_intercepted")
);
--> statement-breakpoint
CREATE TABLE "crossing_agencies" (
	"crossing_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "crossing_agencies_crossing_id_agency_id_pk" PRIMARY KEY("crossing_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "crossings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"pcode" text,
	"latitude" double precision,
	"longitude" double precision,
	"agency_id" uuid NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crossings_code_unique" UNIQUE("code"),
	CONSTRAINT "crossings_pcode_check" CHECK ("crossings"."pcode" ~ '^LY[0-9]{2}([0-9]{2}){0,3}$'),
	CONSTRAINT "crossings_latitude_check" CHECK ("crossings"."latitude" between 19 and 34),
	CONSTRAINT "crossings_longitude_check" CHECK ("crossings"."longitude" between 9 and 26)
);
--> statement-breakpoint
ALTER TABLE "border_reports" ADD CONSTRAINT "border_reports_crossing_id_crossings_id_fk" FOREIGN KEY ("crossing_id") REFERENCES "public"."crossings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_reports" ADD CONSTRAINT "border_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_reports" ADD CONSTRAINT "border_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_reports" ADD CONSTRAINT "border_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_reports" ADD CONSTRAINT "border_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossing_agencies" ADD CONSTRAINT "crossing_agencies_crossing_id_crossings_id_fk" FOREIGN KEY ("crossing_id") REFERENCES "public"."crossings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossing_agencies" ADD CONSTRAINT "crossing_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossings" ADD CONSTRAINT "crossings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "border_reports_shift_uq" ON "border_reports" USING btree ("crossing_id","day","shift");--> statement-breakpoint
CREATE INDEX "border_reports_day_idx" ON "border_reports" USING btree ("day","id");
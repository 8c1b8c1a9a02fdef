CREATE TABLE "report_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"district_pcode" text,
	"last_sent_week" text,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_subscriptions_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "report_subscriptions_district_check" CHECK ("report_subscriptions"."district_pcode" ~ '^LY[0-9]{4}$'),
	CONSTRAINT "report_subscriptions_week_check" CHECK ("report_subscriptions"."last_sent_week" ~ '^[0-9]{4}-W[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
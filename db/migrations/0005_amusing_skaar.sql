CREATE TABLE "queue_counters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"group_keys" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_daily_stats" (
	"commune_code" text NOT NULL,
	"day" text NOT NULL,
	"group_key" text NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"wait_seconds_total" bigint DEFAULT 0 NOT NULL,
	"wait_seconds_max" integer DEFAULT 0 NOT NULL,
	"service_seconds_total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_daily_stats_commune_code_day_group_key_pk" PRIMARY KEY("commune_code","day","group_key")
);
--> statement-breakpoint
CREATE TABLE "queue_groups" (
	"commune_code" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"letter" text NOT NULL,
	"sort" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queue_groups_commune_code_key_pk" PRIMARY KEY("commune_code","key")
);
--> statement-breakpoint
CREATE TABLE "queue_sequences" (
	"commune_code" text NOT NULL,
	"group_key" text NOT NULL,
	"day" text NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "queue_sequences_commune_code_group_key_day_pk" PRIMARY KEY("commune_code","group_key","day")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"group_key" text NOT NULL,
	"day" text NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"phone" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"first_called_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"counter_id" uuid,
	"called_by" text,
	"recalls" integer DEFAULT 0 NOT NULL,
	"dossier_code" text,
	"near_notified" boolean DEFAULT false NOT NULL,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "queue_counters_number_uq" ON "queue_counters" USING btree ("commune_code","number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_groups_letter_uq" ON "queue_groups" USING btree ("commune_code","letter");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_seq_uq" ON "queue_tickets" USING btree ("commune_code","group_key","day","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_idempotency_uq" ON "queue_tickets" USING btree ("commune_code","idempotency_key");--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("commune_code","day","status","created_at");
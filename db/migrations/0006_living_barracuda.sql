CREATE TABLE "announcements" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"village_ids" jsonb NOT NULL,
	"contact_phone" text,
	"status" text NOT NULL,
	"channels" jsonb NOT NULL,
	"notified_count" integer,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"campaign_id" text NOT NULL,
	"village_id" text NOT NULL,
	"metric" text NOT NULL,
	"target" integer NOT NULL,
	CONSTRAINT "campaign_targets_campaign_id_village_id_metric_pk" PRIMARY KEY("campaign_id","village_id","metric")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text,
	"person_id" text,
	"subject_name" text NOT NULL,
	"subject_phone" text NOT NULL,
	"procedure_code" text,
	"purposes" jsonb NOT NULL,
	"notice_vi" text NOT NULL,
	"notice_en" text NOT NULL,
	"notice_hash" text NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"otp_hash" text,
	"otp_expires_at" timestamp with time zone,
	"otp_attempts" integer DEFAULT 0 NOT NULL,
	"signature_attachment_id" text,
	"signature_sha256" text,
	"given_at" timestamp with time zone,
	"evidence_hash" text,
	"captured_by" text NOT NULL,
	"captured_by_name" text NOT NULL,
	"dossier_code" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_acts" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text NOT NULL,
	"household_id" text,
	"person_id" text,
	"place" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"note" text,
	"attachment_ids" jsonb NOT NULL,
	"dossier_code" text,
	"member_id" text,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"command_id" text
);
--> statement-breakpoint
CREATE INDEX "announcements_commune_idx" ON "announcements" USING btree ("commune_code","status","published_at");--> statement-breakpoint
CREATE INDEX "campaigns_commune_idx" ON "campaigns" USING btree ("commune_code","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_dossier_uq" ON "consents" USING btree ("dossier_code");--> statement-breakpoint
CREATE INDEX "consents_phone_created_idx" ON "consents" USING btree ("subject_phone","created_at");--> statement-breakpoint
CREATE INDEX "consents_signature_idx" ON "consents" USING btree ("signature_attachment_id");--> statement-breakpoint
CREATE INDEX "support_acts_commune_at_idx" ON "support_acts" USING btree ("commune_code","occurred_at");--> statement-breakpoint
CREATE INDEX "support_acts_village_at_idx" ON "support_acts" USING btree ("village_id","occurred_at");--> statement-breakpoint
CREATE INDEX "support_acts_person_idx" ON "support_acts" USING btree ("person_id");
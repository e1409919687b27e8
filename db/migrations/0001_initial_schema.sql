CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"commune_code" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_kind" text NOT NULL,
	"account_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"commune_code" text,
	"subject_ref" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"type" text NOT NULL,
	"agency_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact_phone" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"full_name" text,
	"email" text,
	"preferred_channel" text DEFAULT 'sms' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"commune_code" text,
	"province_code" text NOT NULL,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_schedules" (
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"schedule" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_schedules_scope_year_pk" PRIMARY KEY("scope","year")
);
--> statement-breakpoint
CREATE TABLE "dossier_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_role" text NOT NULL,
	"actor_name" text,
	"note" text,
	"payload" jsonb,
	"attachments" jsonb,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE TABLE "dossier_code_counters" (
	"commune_code" text NOT NULL,
	"day" text NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "dossier_code_counters_commune_code_day_pk" PRIMARY KEY("commune_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"commune_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"village_id" text,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_address" text,
	"citizen_id" text,
	"fields" jsonb NOT NULL,
	"channel" text NOT NULL,
	"on_behalf" text,
	"submitted_by" text NOT NULL,
	"submitted_by_role" text NOT NULL,
	"processing_days" integer NOT NULL,
	"fee_vnd" integer NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"national_status" integer NOT NULL,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dev_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"outbox_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"subject_ref" text,
	"commune_code" text,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commune_procedures" (
	"commune_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"offered" boolean DEFAULT true NOT NULL,
	"fee_vnd_override" integer,
	"processing_days_override" integer,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commune_procedures_commune_code_procedure_code_pk" PRIMARY KEY("commune_code","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_text" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"processing_days" integer NOT NULL,
	"fee_vnd" integer NOT NULL,
	"required_documents" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"result_kind" text NOT NULL,
	"service_group" text NOT NULL,
	"unverified" jsonb NOT NULL,
	"notes" text,
	"source_url" text,
	"popularity" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_procedures" ADD CONSTRAINT "commune_procedures_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_procedures" ADD CONSTRAINT "commune_procedures_procedure_code_procedures_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_commune_at_idx" ON "audit_log" USING btree ("commune_code","at");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_kind","account_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_subject_idx" ON "outbox_messages" USING btree ("subject_ref");--> statement-breakpoint
CREATE INDEX "communes_province_idx" ON "communes" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "villages_commune_updated_idx" ON "villages" USING btree ("commune_code","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_phone_uq" ON "citizens" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "otp_phone_created_idx" ON "otp_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_username_uq" ON "staff_accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "staff_commune_idx" ON "staff_accounts" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_actions_seq_uq" ON "dossier_actions" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_actions_idempotency_uq" ON "dossier_actions" USING btree ("dossier_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idempotency_uq" ON "dossiers" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dossiers_commune_status_idx" ON "dossiers" USING btree ("commune_code","status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_commune_submitted_idx" ON "dossiers" USING btree ("commune_code","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_citizen_idx" ON "dossiers" USING btree ("citizen_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dev_messages_outbox_uq" ON "dev_messages" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "dev_messages_recipient_idx" ON "dev_messages" USING btree ("recipient","created_at");--> statement-breakpoint
CREATE INDEX "procedures_service_group_idx" ON "procedures" USING btree ("service_group");
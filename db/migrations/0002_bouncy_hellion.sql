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
CREATE INDEX "communes_province_idx" ON "communes" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "villages_commune_updated_idx" ON "villages" USING btree ("commune_code","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_actions_seq_uq" ON "dossier_actions" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_actions_idempotency_uq" ON "dossier_actions" USING btree ("dossier_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idempotency_uq" ON "dossiers" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dossiers_commune_status_idx" ON "dossiers" USING btree ("commune_code","status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_commune_submitted_idx" ON "dossiers" USING btree ("commune_code","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_citizen_idx" ON "dossiers" USING btree ("citizen_id","submitted_at");--> statement-breakpoint
CREATE INDEX "procedures_service_group_idx" ON "procedures" USING btree ("service_group");
CREATE TABLE "dossier_ratings" (
	"dossier_code" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"citizen_id" text NOT NULL,
	"overall" smallint NOT NULL,
	"timeliness" smallint,
	"information" smallint,
	"staff_conduct" smallint,
	"lawfulness" smallint,
	"feedback_handling" smallint,
	"online_service" smallint,
	"agencies_contacted" smallint,
	"visits" smallint,
	"extra_payment" boolean,
	"comment" text,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"file_id" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_links" (
	"file_id" text NOT NULL,
	"dossier_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"citizen_id" text,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "file_links_file_id_dossier_code_pk" PRIMARY KEY("file_id","dossier_code")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" text NOT NULL,
	"commune_code" text,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text NOT NULL,
	"household_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text NOT NULL,
	"base_value" jsonb,
	"kept_value" jsonb,
	"kept_by" text,
	"kept_at" timestamp with time zone,
	"other_value" jsonb,
	"other_by" text,
	"other_at" timestamp with time zone,
	"status" text NOT NULL,
	"resolution" text,
	"resolved_value" jsonb,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"created_by" text NOT NULL,
	"file_name" text,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer NOT NULL,
	"household_count" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"duplicates" jsonb NOT NULL,
	"parsed" jsonb NOT NULL,
	"imported_households" integer,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "household_people" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_year" integer,
	"sex" text,
	"relation" text,
	"is_head" boolean DEFAULT false NOT NULL,
	"phone" text,
	"id_number" text,
	"smartphone" text,
	"zalo" boolean,
	"vneid" text,
	"portal_account" boolean,
	"bank_or_mobile_money" boolean,
	"fibre_at_home" boolean,
	"skill" text,
	"support_needs" jsonb NOT NULL,
	"field_clock" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text NOT NULL,
	"head_name" text NOT NULL,
	"head_folded" text NOT NULL,
	"address" text,
	"notes" text,
	"field_clock" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "record_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text NOT NULL,
	"household_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text NOT NULL,
	"base_value" jsonb,
	"old_value" jsonb,
	"new_value" jsonb,
	"outcome" text NOT NULL,
	"source" text NOT NULL,
	"command_id" text,
	"actor_id" text,
	"actor_name" text,
	"device_at" timestamp with time zone NOT NULL,
	"server_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"procedure_code" text NOT NULL,
	"kind" text NOT NULL,
	"percent" integer NOT NULL,
	"condition" jsonb NOT NULL,
	"reason_vi" text NOT NULL,
	"reason_en" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "payment_accounts" (
	"commune_code" text PRIMARY KEY NOT NULL,
	"bank_bin" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "payment_receipt_counters" (
	"commune_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "payment_receipt_counters_commune_code_year_pk" PRIMARY KEY("commune_code","year")
);
--> statement-breakpoint
CREATE TABLE "payment_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"dossier_id" text NOT NULL,
	"dossier_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"reference" text NOT NULL,
	"base_fee_vnd" bigint NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"adjustments" jsonb NOT NULL,
	"status" text NOT NULL,
	"method" text,
	"paid_vnd" bigint,
	"paid_at" timestamp with time zone,
	"receipt_no" text,
	"transaction_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"external_id" text,
	"source" text NOT NULL,
	"commune_code" text,
	"request_id" text,
	"amount_vnd" bigint NOT NULL,
	"description" text NOT NULL,
	"reference_found" text,
	"outcome" text NOT NULL,
	"review_status" text NOT NULL,
	"resolution" text,
	"resolution_note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dossier_ratings_commune_idx" ON "dossier_ratings" USING btree ("commune_code","rated_at");--> statement-breakpoint
CREATE INDEX "file_links_dossier_idx" ON "file_links" USING btree ("dossier_code");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "household_conflicts_commune_status_idx" ON "household_conflicts" USING btree ("commune_code","status");--> statement-breakpoint
CREATE INDEX "household_people_household_idx" ON "household_people" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_people_village_idx" ON "household_people" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "households_village_head_idx" ON "households" USING btree ("village_id","head_folded");--> statement-breakpoint
CREATE INDEX "households_commune_idx" ON "households" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "record_changes_household_idx" ON "record_changes" USING btree ("household_id","id");--> statement-breakpoint
CREATE INDEX "record_changes_entity_idx" ON "record_changes" USING btree ("entity_id","field");--> statement-breakpoint
CREATE INDEX "fee_rules_scope_idx" ON "fee_rules" USING btree ("scope","procedure_code");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_requests_dossier_uq" ON "payment_requests" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_requests_code_uq" ON "payment_requests" USING btree ("dossier_code");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_requests_reference_uq" ON "payment_requests" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "payment_requests_commune_idx" ON "payment_requests" USING btree ("commune_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_transactions_external_uq" ON "payment_transactions" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "payment_transactions_commune_review_idx" ON "payment_transactions" USING btree ("commune_code","review_status","received_at");--> statement-breakpoint
CREATE INDEX "payment_transactions_request_idx" ON "payment_transactions" USING btree ("request_id");
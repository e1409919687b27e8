CREATE TABLE "indicator_calendar_sync" (
	"scope" text PRIMARY KEY NOT NULL,
	"schedule_stamp" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_commune_month" (
	"commune_code" text NOT NULL,
	"month" date NOT NULL,
	"channel" text NOT NULL,
	"assisted" boolean NOT NULL,
	"level" text NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"fee_bearing" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"with_result" integer DEFAULT 0 NOT NULL,
	"processing_wd_sum" bigint DEFAULT 0 NOT NULL,
	"apologies" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_commune_month_commune_code_month_channel_assisted_level_pk" PRIMARY KEY("commune_code","month","channel","assisted","level")
);
--> statement-breakpoint
CREATE TABLE "indicator_cube" (
	"commune_code" text NOT NULL,
	"month" date NOT NULL,
	"village_key" text NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"assisted" boolean NOT NULL,
	"level" text NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"fee_bearing" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"with_result" integer DEFAULT 0 NOT NULL,
	"processing_wd_sum" bigint DEFAULT 0 NOT NULL,
	"apologies" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_cube_commune_code_month_village_key_procedure_code_channel_assisted_level_pk" PRIMARY KEY("commune_code","month","village_key","procedure_code","channel","assisted","level")
);
--> statement-breakpoint
CREATE TABLE "indicator_dossier_facts" (
	"dossier_id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_key" text NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"assisted" boolean NOT NULL,
	"level" text NOT NULL,
	"submit_month" date NOT NULL,
	"fee_bearing" boolean NOT NULL,
	"received_month" date,
	"finish_month" date,
	"outcome" text,
	"with_result" boolean NOT NULL,
	"processing_wd" integer,
	"apology_month" date
);
--> statement-breakpoint
CREATE TABLE "indicator_workdays" (
	"scope" text NOT NULL,
	"day" date NOT NULL,
	"ord" integer NOT NULL,
	"working" boolean NOT NULL,
	CONSTRAINT "indicator_workdays_scope_day_pk" PRIMARY KEY("scope","day")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"template" text NOT NULL,
	"template_version" integer NOT NULL,
	"status" text NOT NULL,
	"provider_message_id" text,
	"error" text,
	"subject_ref" text,
	"commune_code" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"reported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_inbox" (
	"id" text PRIMARY KEY NOT NULL,
	"citizen_id" text NOT NULL,
	"outbox_id" bigint NOT NULL,
	"template" text NOT NULL,
	"subject_ref" text,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "field_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_changes" (
	"commune_code" text NOT NULL,
	"seq" bigint NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"village_id" text,
	"op" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_changes_commune_code_seq_pk" PRIMARY KEY("commune_code","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_commands" (
	"command_id" text PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"type" text NOT NULL,
	"payload_hash" text NOT NULL,
	"status" text NOT NULL,
	"result" jsonb,
	"reason" jsonb,
	"device_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_counters" (
	"commune_code" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"min_seq" bigint DEFAULT 0 NOT NULL,
	"pruned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "duty_shift_members" (
	"shift_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "duty_shift_members_shift_id_member_id_pk" PRIMARY KEY("shift_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "duty_shifts" (
	"id" text PRIMARY KEY NOT NULL,
	"it_point_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_until" text,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "it_points" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" text,
	"name" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "team_member_villages" (
	"member_id" text NOT NULL,
	"village_id" text NOT NULL,
	CONSTRAINT "team_member_villages_member_id_village_id_pk" PRIMARY KEY("member_id","village_id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" text,
	"background" text NOT NULL,
	"staff_account_id" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_pairs" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"village_id" text NOT NULL,
	"member_a_id" text NOT NULL,
	"member_b_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "village_contacts" (
	"village_id" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"phone" text NOT NULL,
	"label" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "indicator_dossier_facts_commune_idx" ON "indicator_dossier_facts" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_attempt_uq" ON "notification_deliveries" USING btree ("outbox_id","attempt","channel");--> statement-breakpoint
CREATE INDEX "notification_deliveries_subject_idx" ON "notification_deliveries" USING btree ("subject_ref");--> statement-breakpoint
CREATE INDEX "notification_deliveries_provider_id_idx" ON "notification_deliveries" USING btree ("provider","provider_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_inbox_outbox_uq" ON "notification_inbox" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "notification_inbox_citizen_idx" ON "notification_inbox" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_templates_uq" ON "notification_templates" USING btree ("scope","key","version");--> statement-breakpoint
CREATE INDEX "sync_changes_at_idx" ON "sync_changes" USING btree ("commune_code","at");--> statement-breakpoint
CREATE INDEX "sync_commands_actor_idx" ON "sync_commands" USING btree ("actor_id","received_at");--> statement-breakpoint
CREATE INDEX "duty_shifts_point_idx" ON "duty_shifts" USING btree ("it_point_id");--> statement-breakpoint
CREATE INDEX "it_points_commune_idx" ON "it_points" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "team_member_villages_village_idx" ON "team_member_villages" USING btree ("village_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_account_uq" ON "team_members" USING btree ("staff_account_id");--> statement-breakpoint
CREATE INDEX "team_members_team_idx" ON "team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "team_pairs_team_idx" ON "team_pairs" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "teams_commune_idx" ON "teams" USING btree ("commune_code");
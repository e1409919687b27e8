CREATE TABLE "calendar_schedules" (
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"schedule" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_schedules_scope_year_pk" PRIMARY KEY("scope","year")
);

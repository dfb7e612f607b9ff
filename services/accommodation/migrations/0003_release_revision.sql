ALTER TABLE "releases" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "gate_passed_at" timestamp with time zone;
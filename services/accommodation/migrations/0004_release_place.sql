ALTER TABLE "releases" ADD COLUMN "prison_code" text;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "probation_region" text;
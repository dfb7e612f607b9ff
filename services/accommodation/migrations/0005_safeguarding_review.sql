ALTER TABLE "accommodations" ADD COLUMN "safeguarding_review" text;--> statement-breakpoint
ALTER TABLE "accommodations" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accommodations" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "accommodations" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accommodations" ADD COLUMN "decline_reason" text;--> statement-breakpoint
-- Places recorded before review existed were checked against her restricted areas when recorded: approved, except
-- those a later restriction put at risk, which go to review.
UPDATE "accommodations" SET "safeguarding_review" = CASE
    WHEN "status_reason" LIKE 'The accommodation is in an area where she must not live%' THEN 'awaiting-review'
    ELSE 'approved' END,
  "proposed_at" = "updated_at"
  WHERE "type" <> 'none';--> statement-breakpoint
CREATE INDEX "accommodations_awaiting_review" ON "accommodations" USING btree ("proposed_at") WHERE "safeguarding_review" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "restricted_areas" ADD COLUMN "reason" text NOT NULL DEFAULT 'Recorded before reasons were kept';--> statement-breakpoint
ALTER TABLE "restricted_areas" ALTER COLUMN "reason" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "restricted_areas" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "restricted_areas" ADD COLUMN "removed_by" text;--> statement-breakpoint
ALTER TABLE "restricted_areas" ADD COLUMN "removed_reason" text;--> statement-breakpoint
CREATE TABLE "safeguarding_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"release_id" uuid NOT NULL,
	"probation_region" text NOT NULL,
	"declined_proposals" integer NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "safeguarding_alerts_by_region" ON "safeguarding_alerts" USING btree ("probation_region","raised_at");

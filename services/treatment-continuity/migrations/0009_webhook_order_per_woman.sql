ALTER TABLE "webhook_deliveries" ADD COLUMN "person_id" text;
--> statement-breakpoint
UPDATE "webhook_deliveries" SET "person_id" = "payload"->>'personId';
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "person_id" SET NOT NULL;
--> statement-breakpoint
DROP INDEX "webhook_deliveries_pending_by_provider";
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_by_woman" ON "webhook_deliveries" ("provider_id", "person_id", "queued_seq") WHERE "status" = 'pending';

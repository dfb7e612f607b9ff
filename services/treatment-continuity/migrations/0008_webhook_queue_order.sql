ALTER TABLE "webhook_deliveries" ADD COLUMN "queued_seq" bigserial NOT NULL;
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_by_provider" ON "webhook_deliveries" ("provider_id", "queued_seq") WHERE "status" = 'pending';

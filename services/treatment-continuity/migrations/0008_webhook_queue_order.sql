ALTER TABLE "webhook_deliveries" ADD COLUMN "queued_seq" bigserial NOT NULL;

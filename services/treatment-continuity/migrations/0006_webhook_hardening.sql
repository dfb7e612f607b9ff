-- Webhook hardening: signing secrets sealed at rest (the worker seals any plain `webhook_secret` left from before and
-- empties it: SQL cannot, the key is a setting), and bounded retries (a final `failed` state; limits counted from
-- `retry_since`/`retry_from_attempt`, which a replay resets).
ALTER TABLE "providers" ADD COLUMN "webhook_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "retry_from_attempt" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "retry_since" timestamp with time zone DEFAULT now() NOT NULL;
ALTER TABLE "webhook_attempts" ADD COLUMN "failure" text;

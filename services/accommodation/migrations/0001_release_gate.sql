-- The release copy now keeps the gate as well (one shape with transport's). Copies saved before this have no gate:
-- they get midnight (London) on their release date until the release's next event; accommodation never reads it.
ALTER TABLE "releases" ADD COLUMN "gate_at" timestamp with time zone;--> statement-breakpoint
UPDATE "releases" SET "gate_at" = "release_date"::timestamp AT TIME ZONE 'Europe/London';--> statement-breakpoint
ALTER TABLE "releases" ALTER COLUMN "gate_at" SET NOT NULL;

ALTER TABLE "handoffs" ADD COLUMN "bridging_last_day_covered" date;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "short_notice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "gate_passed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "handoff_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Before the rule: of several live handoffs for one release, the latest stays live and the others are withdrawn.
UPDATE "handoffs" AS older SET "status" = 'withdrawn', "status_reason" = 'Superseded: one live handoff per release'
WHERE older."status" NOT IN ('declined', 'withdrawn') AND EXISTS (
  SELECT 1 FROM "handoffs" AS newer
  WHERE newer."release_id" = older."release_id" AND newer."status" NOT IN ('declined', 'withdrawn')
    AND (newer."created_at", newer."id") > (older."created_at", older."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "one_live_handoff_per_release" ON "handoffs" USING btree ("release_id") WHERE status not in ('declined', 'withdrawn');
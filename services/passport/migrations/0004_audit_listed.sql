ALTER TABLE "audit_log" ADD COLUMN "listed" text[];
--> statement-breakpoint
CREATE INDEX "audit_by_listed" ON "audit_log" USING gin ("listed");

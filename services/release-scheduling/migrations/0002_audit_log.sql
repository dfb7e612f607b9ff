CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"sub" text NOT NULL,
	"roles" text[] NOT NULL,
	"organisation" text,
	"action" text NOT NULL,
	"person_id" text,
	"resource_id" text,
	"categories" text[] NOT NULL,
	"justification" text,
	"outcome" text NOT NULL,
	"recipient" text,
	"correlation_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_by_person" ON "audit_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_by_time" ON "audit_log" USING btree ("at");
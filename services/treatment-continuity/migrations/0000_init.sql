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
CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"release_id" uuid NOT NULL,
	"prison_code" text NOT NULL,
	"provider_id" text NOT NULL,
	"provider_area" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"consent_to_share" boolean NOT NULL,
	"treatment" jsonb NOT NULL,
	"naloxone_supplied" boolean NOT NULL,
	"bridging_prescription" boolean NOT NULL,
	"weekend_cover_plan" jsonb,
	"first_appointment" jsonb,
	"expected_arrival_at" timestamp with time zone,
	"preferences" jsonb NOT NULL,
	"referrals" jsonb NOT NULL,
	"key_worker" jsonb,
	"decline_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "held_people" (
	"consumer_group" text NOT NULL,
	"person_id" text NOT NULL,
	"blocking_event_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"held_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "held_people_consumer_group_person_id_pk" PRIMARY KEY("consumer_group","person_id")
);
--> statement-breakpoint
CREATE TABLE "inbox" (
	"consumer_group" text NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"person_id" text NOT NULL,
	"outcome" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_group_event_id_pk" PRIMARY KEY("consumer_group","event_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"partition_key" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "outbox_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"provider_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"prison_code" text NOT NULL,
	"release_date" date NOT NULL,
	"gate_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_by_person" ON "audit_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_by_time" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "handoffs_by_provider" ON "handoffs" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "handoffs_by_release" ON "handoffs" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "outbox_unpublished" ON "outbox" USING btree ("seq") WHERE "outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");
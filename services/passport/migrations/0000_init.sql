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
CREATE TABLE "passport_timeline" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"release_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"source" text NOT NULL,
	"correlation_id" text NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passports" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"prison_code" text,
	"probation_region" text,
	"release_date" date,
	"gate_at" timestamp with time zone,
	"release_status" text NOT NULL,
	"complete" boolean NOT NULL,
	"gaps" integer NOT NULL,
	"at_risk" boolean NOT NULL,
	"passport" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_outcomes" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"prison_code" text NOT NULL,
	"month" text NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"complete" boolean NOT NULL,
	"missing" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_by_person" ON "audit_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_by_time" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_unpublished" ON "outbox" USING btree ("seq") WHERE "outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "passport_timeline_by_release" ON "passport_timeline" USING btree ("release_id","at");--> statement-breakpoint
CREATE INDEX "passports_by_person" ON "passports" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "passports_by_region_date" ON "passports" USING btree ("probation_region","release_date");--> statement-breakpoint
CREATE INDEX "passports_by_prison_date" ON "passports" USING btree ("prison_code","release_date");--> statement-breakpoint
CREATE INDEX "release_outcomes_by_prison_month" ON "release_outcomes" USING btree ("prison_code","month");
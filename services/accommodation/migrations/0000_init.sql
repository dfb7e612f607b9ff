CREATE TABLE "accommodations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"release_id" uuid NOT NULL,
	"type" text NOT NULL,
	"local_authority" text,
	"postcode_district" text,
	"confirmed_from" date,
	"women_only" boolean NOT NULL,
	"confirmed_by" text,
	"status" text NOT NULL,
	"status_reason" text,
	"local_treatment_mismatch" boolean NOT NULL,
	"withdrawn_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "releases" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"release_date" date NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restricted_areas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treatment_providers" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"local_authority" text NOT NULL,
	"postcode_district" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "accommodations_by_release" ON "accommodations" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "accommodations_by_person" ON "accommodations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_by_person" ON "audit_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_by_time" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_unpublished" ON "outbox" USING btree ("seq") WHERE "outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "restricted_areas_by_person" ON "restricted_areas" USING btree ("person_id");
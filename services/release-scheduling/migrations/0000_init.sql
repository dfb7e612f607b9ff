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
CREATE TABLE "prisons" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"release_window_opens" text DEFAULT '08:00' NOT NULL,
	"release_window_closes" text DEFAULT '12:00' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"prison_code" text NOT NULL,
	"probation_region" text NOT NULL,
	"legal_release_date" date NOT NULL,
	"release_date" date NOT NULL,
	"gate_time" text NOT NULL,
	"gate_at" timestamp with time zone NOT NULL,
	"release_from" text NOT NULL,
	"eligibility" jsonb NOT NULL,
	"second_day_approved" boolean DEFAULT false NOT NULL,
	"rules_applied" jsonb NOT NULL,
	"weekend_cover_plan_required" boolean NOT NULL,
	"short_notice" boolean NOT NULL,
	"short_notice_reason" text,
	"short_sentence" boolean NOT NULL,
	"status" text NOT NULL,
	"override_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"gate_passed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_prison_code_prisons_code_fk" FOREIGN KEY ("prison_code") REFERENCES "public"."prisons"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_unpublished" ON "outbox" USING btree ("seq") WHERE "outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "releases_by_prison_date" ON "releases" USING btree ("prison_code","release_date");--> statement-breakpoint
CREATE INDEX "releases_by_person" ON "releases" USING btree ("person_id");
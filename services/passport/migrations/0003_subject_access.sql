CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "subject_access_requests_by_time" ON "subject_access_requests" USING btree ("requested_at");
--> statement-breakpoint
CREATE TABLE "subject_access_answers" (
	"request_id" uuid NOT NULL,
	"service" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"records" jsonb NOT NULL,
	CONSTRAINT "subject_access_answers_request_id_service_pk" PRIMARY KEY("request_id","service")
);

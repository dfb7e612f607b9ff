-- The alarm the provider raised by recording a missed first appointment: set by not-attended, cleared by attended.
ALTER TABLE "handoffs" ADD COLUMN "missed_first_appointment" jsonb;

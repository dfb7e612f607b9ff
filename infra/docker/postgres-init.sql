-- Run once by the postgres image on an empty data volume: one database per service, as `pnpm start` creates them.
CREATE DATABASE resettle_release_scheduling;
CREATE DATABASE resettle_treatment_continuity;
CREATE DATABASE resettle_accommodation;
CREATE DATABASE resettle_transport;
CREATE DATABASE resettle_passport;

-- Goal: the similar-case finder's candidate search stays fast with a million open cases (issue 19, gridgov bench
-- similar). V10's idx_case_open_geo (status, latitude, longitude, created_at) can only range over latitude: a 1 km box
-- reads the whole district-wide latitude band and sorts it. geo_cell numbers a 0.005° × 0.005° cell (about 555 m ×
-- 445 m here) as FLOOR(lat × 200) × 100000 + FLOOR(lon × 200) — GeoCells in the service computes the same — so a
-- 500 m box is at most 3 × 4 cells, each read newest first from idx_case_open_cell and cut at the finder's limit.
-- A generated column: every writer (the service, the benchmarks' seeding) gets it without knowing of it.
-- Inputs: case_record (V1, V10). Versions V11-V19 are issue 19's case-service work.

ALTER TABLE case_record
  ADD COLUMN geo_cell INT GENERATED ALWAYS AS (FLOOR(latitude * 200) * 100000 + FLOOR(longitude * 200)) STORED
    COMMENT 'GeoCells.cell(latitude, longitude); NULL without coordinates';

CREATE INDEX idx_case_open_cell ON case_record (status, geo_cell, created_at, latitude, longitude);
DROP INDEX idx_case_open_geo ON case_record;

-- Issue 17 part 4: 一张图 polygon selection at a million cases. The selection reads, per grid the polygon crosses,
-- the located cases inside the polygon's bounding box (grid_code =, latitude BETWEEN, longitude checked in the index)
-- and the cases placed at the grid's interior point (latitude IS NULL, newest first) — both from this index alone,
-- without reading the rows; only the page shown is then fetched by id.
CREATE INDEX idx_case_grid_geo ON case_record (grid_code, latitude, created_at, longitude);

-- Issue 17 part 4: 一张图 polygon selection at a million cases. The selection reads, per grid the polygon crosses,
-- the located cases inside the polygon's bounding box (grid_code =, latitude BETWEEN, longitude checked in the index)
-- and the cases placed at the grid's interior point (latitude IS NULL, newest first: created_at, id in index order,
-- so no filesort) — both from this index alone, without reading the rows; only the page shown is fetched by id.
-- id is named although InnoDB appends the primary key anyway: named here it comes before longitude.
CREATE INDEX idx_case_grid_geo ON case_record (grid_code, latitude, created_at, id, longitude);

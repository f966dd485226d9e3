-- Issue 19: 同一诉求多人反映. A case merged into an open master becomes status DUPLICATE with master_case_id set and no
-- pending role, so it is never dispatched, listed as a todo or timed on its own; its reporter is notified when the
-- master closes. case_merge keeps every merge and its undo (who, when, and the pending role to give back).

ALTER TABLE case_record ADD COLUMN master_case_id VARCHAR(40) NULL COMMENT 'set while status = DUPLICATE';

-- candidate search: open cases inside a latitude band, longitude read from the index (bounding-box prefilter)
CREATE INDEX idx_case_open_geo ON case_record (status, latitude, longitude, created_at);
CREATE INDEX idx_case_master ON case_record (master_case_id);

CREATE TABLE case_merge (
  id                 BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  duplicate_id       VARCHAR(40) NOT NULL,
  master_id          VARCHAR(40) NOT NULL,
  score              DECIMAL(4,3) NULL COMMENT 'similarity shown when the merge was chosen',
  distance_m         INT         NULL,
  prior_pending_role VARCHAR(16) NULL COMMENT 'given back by an undo',
  merged_by          VARCHAR(64) NOT NULL,
  merged_at          DATETIME    NOT NULL,
  undone_by          VARCHAR(64) NULL,
  undone_at          DATETIME    NULL,
  KEY idx_merge_duplicate (duplicate_id, id),
  KEY idx_merge_master (master_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Goal: 手工打分 (issue 16 part 3): a leader's bonus or deduction (−20..+20 points, with a reason) for one subject in
-- one month, beside the computed items. Inputs: none. Outputs: assessment_manual_score, mirrored into the
-- warehouse's dwd_manual_score (score_id = 'MS' + id) while not revoked.
-- The reason is stored as written for the audit; the warehouse copy has ID and phone numbers masked.
CREATE TABLE assessment_manual_score (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month         CHAR(7)      NOT NULL COMMENT 'yyyy-MM',
  level         VARCHAR(16)  NOT NULL COMMENT 'GRID_WORKER, COMMUNITY, STREET, DEPARTMENT',
  subject_code  VARCHAR(32)  NOT NULL COMMENT 'worker id, community, street or department code',
  points        DOUBLE       NOT NULL,
  reason        VARCHAR(200) NOT NULL,
  scored_by     VARCHAR(64)  NOT NULL,
  scored_at     DATETIME     NOT NULL,
  revoked_by    VARCHAR(64)  NULL,
  revoked_at    DATETIME     NULL,
  KEY idx_manual_month (month, level, subject_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Goal: 监督考核 rules as data (issue 16 part 3). Versions V30-V35 are this feature's.
-- Inputs: none. Outputs: assessment_rule_version and assessment_rule_item, edited on the 考核规则 page and
-- /api/assessment/rules, mirrored into the warehouse's dim_assessment_rule for the monthly assessment job.
--
-- A level's rules are a version: valid from a month's first day, valid to the day before its successor's first day
-- (inclusive; NULL while it is the newest). A version is never changed once published except for valid_to, which its
-- successor sets, so a month is always scored with the rules valid in that month. One rule set per level for the
-- whole district: the warehouse's key (rule_version, level, item_code) has no area.
CREATE TABLE assessment_rule_version (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  level       VARCHAR(16)  NOT NULL COMMENT 'GRID_WORKER, COMMUNITY, STREET, DEPARTMENT',
  version     INT          NOT NULL COMMENT 'per level, 1, 2, ...: the warehouse''s rule_version',
  valid_from  DATE         NOT NULL COMMENT 'first day of a month',
  valid_to    DATE         NULL COMMENT 'last day valid (inclusive); NULL = open-ended',
  note        VARCHAR(200) NULL COMMENT 'why the rules changed',
  created_by  VARCHAR(64)  NOT NULL,
  created_at  DATETIME     NOT NULL,
  UNIQUE KEY uq_rule_level_version (level, version),
  UNIQUE KEY uq_rule_level_from (level, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The items of a version: what is measured (item_code from the fixed list), its points (weight; a version's weights
-- sum to 100), the monthly target and how the raw value becomes points (method).
CREATE TABLE assessment_rule_item (
  version_id  BIGINT       NOT NULL,
  position    INT          NOT NULL,
  item_code   VARCHAR(32)  NOT NULL,
  item_name   VARCHAR(64)  NOT NULL,
  weight      DOUBLE       NOT NULL,
  target      DOUBLE       NOT NULL,
  method      VARCHAR(16)  NOT NULL COMMENT 'RATIO_TO_TARGET, INVERSE_COUNT, THRESHOLD',
  direction   VARCHAR(100) NOT NULL COMMENT 'how the page explains the method',
  PRIMARY KEY (version_id, item_code),
  CONSTRAINT fk_rule_item_version FOREIGN KEY (version_id) REFERENCES assessment_rule_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

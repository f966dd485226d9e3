-- Goal: keep what the classifier said about a case and every operator correction of a case's category (改分类),
-- so `gridgov nlp train --corrections=...` can retrain from them (issue 12 item 6).
-- Inputs: case_record. Versions V40-V49 are this feature's.

-- The classifier's suggestion at report time; absent when the reporter chose the category.
CREATE TABLE case_category_suggestion (
  case_id        VARCHAR(40)  NOT NULL PRIMARY KEY,
  category_code  VARCHAR(16)  NOT NULL,
  confidence     DOUBLE       NOT NULL,
  model_version  VARCHAR(64)  NOT NULL,
  suggested_at   DATETIME     NOT NULL,
  CONSTRAINT fk_suggestion_case FOREIGN KEY (case_id) REFERENCES case_record (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per 改分类: a label for training. `text` is what the classifier saw (the description), PII-redacted.
-- `model_version` is the model that suggested the old category; NULL when a person had chosen it.
CREATE TABLE case_category_label (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id        VARCHAR(40)  NOT NULL,
  text           TEXT         NOT NULL,
  old_category   VARCHAR(16)  NOT NULL,
  new_category   VARCHAR(16)  NOT NULL,
  changed_by     VARCHAR(64)  NOT NULL,
  changed_role   VARCHAR(16)  NOT NULL,
  changed_at     DATETIME     NOT NULL,
  model_version  VARCHAR(64)  NULL,
  KEY idx_label_changed (changed_at),
  KEY idx_label_case (case_id),
  CONSTRAINT fk_label_case FOREIGN KEY (case_id) REFERENCES case_record (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

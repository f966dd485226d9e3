-- Issue 14: security hardening.

-- Failed sign-ins under names that are no account: counted and locked exactly like accounts (app_user's columns), so
-- the answers do not tell an existing account from an unknown name. Rows are deleted a day after their last failure.
CREATE TABLE login_failure (
  username        VARCHAR(64) NOT NULL PRIMARY KEY,
  failed_attempts INT         NOT NULL DEFAULT 0,
  locked_until    DATETIME    NULL,
  last_failure_at DATETIME    NOT NULL,
  KEY idx_login_failure_last (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Idempotency-Key of a report: claimed by a unique key in the report's transaction, so concurrent retries wait for
-- the first and get its case; the request's hash tells a retry from a different request under a reused key.
CREATE TABLE report_request (
  created_by      VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(128) NOT NULL,
  request_hash    CHAR(64)     NOT NULL COMMENT 'SHA-256 of the report as received',
  case_id         VARCHAR(40)  NOT NULL,
  created_at      DATETIME     NOT NULL,
  PRIMARY KEY (created_by, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Public Open311 output: only cases from a citizen channel whose reporter agreed to publication (see
-- case-service/README.md, "Open311"). Existing cases stay unpublished.
ALTER TABLE case_record ADD COLUMN publishable BOOLEAN NOT NULL DEFAULT FALSE
  COMMENT 'citizen channel and the reporter consented: shown by the public Open311 GET';
CREATE INDEX idx_case_public ON case_record (publishable, created_at);

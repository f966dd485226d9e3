-- Goal: 综合查询 (issue 17) — who looked up whom, when, from where and why (PIPL: purpose limitation), and finding a
-- caller's case-service cases by phone. Versions V20-V29 are this feature's.
-- Inputs: none. Outputs: lookup_log, read by the leaders' report (/lookup/log, /api/lookup/log).

-- One row per look-up, allowed or refused. The subject is the salted person key (or company / area code) and its
-- masked label; the ID-card or phone number searched for is never stored, only its masked form in `query_masked`.
CREATE TABLE lookup_log (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at            DATETIME      NOT NULL,
  username      VARCHAR(64)   NOT NULL,
  role          VARCHAR(16)   NOT NULL,
  scope_code    VARCHAR(32)   NOT NULL,
  kind          VARCHAR(16)   NOT NULL COMMENT 'SEARCH, PERSON, RECORD, COMPANY, AREA',
  subject_ref   VARCHAR(100)  NULL COMMENT 'person key, company name or area code; NULL for a search',
  subject_label VARCHAR(100)  NULL COMMENT 'masked: 张* 370112********1234',
  query_masked  VARCHAR(100)  NULL COMMENT 'what was searched for, masked',
  reason        VARCHAR(200)  NOT NULL COMMENT 'the stated purpose, ID and phone numbers masked',
  outcome       VARCHAR(8)    NOT NULL COMMENT 'OK or DENIED',
  detail        VARCHAR(300)  NULL COMMENT 'refusal reason, or what was shown (rows)',
  remote_addr   VARCHAR(64)   NULL,
  KEY idx_lookup_at (at),
  KEY idx_lookup_user (username, at),
  KEY idx_lookup_subject (subject_ref, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 综合查询 by phone lists the cases the number reported (reporter_phone as entered, in its normalised forms).
CREATE INDEX idx_case_reporter_phone ON case_record (reporter_phone);

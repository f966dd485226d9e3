-- Goal: 综合查询 (issue 17) lists a person's case-service cases whether the person was found by ID card or by phone.
-- The case keeps its reporter's phone as an operational contact (V1); the warehouse knows persons only by the salted
-- key (HMAC with the platform's salt, common's PiiProtector, the loader's code). This column holds that key of the
-- reporter's phone, computed by the service when the case is reported (casefile.ReporterKeys) and filled in for older
-- cases by the service at start-up, once the salt is configured (SQL cannot compute the HMAC, and the salt is a
-- secret this script must not hold). Never a number: 32 hex characters or NULL (no phone, or no salt yet).
-- Inputs: case_record. Outputs: case_record.reporter_key, idx_case_reporter_key.

ALTER TABLE case_record ADD COLUMN reporter_key CHAR(32) NULL
  COMMENT 'salted key of reporter_phone (PiiProtector.phoneKey), the warehouse person key of a phone';

-- A person file reads the cases of a few keys; the back-fill finds the rows still to key (NULL key, a phone) in the
-- index alone, so a restart with nothing to do reads no row.
CREATE INDEX idx_case_reporter_key ON case_record (reporter_key, reporter_phone);

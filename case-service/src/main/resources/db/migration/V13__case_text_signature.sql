-- Goal: the similar-case finder scores up to 500 nearby open cases per request without segmenting their texts again
-- (issue 19, gridgov bench similar: p99 <= 50 ms with 1M open cases). text_sig holds a case's TextSimilarity features
-- as TextSignature's stored form (norm, then sorted 64-bit term hashes with their weights), written once when the case
-- is reported (CaseRepository.insert); titles and descriptions are never rewritten afterwards. Rows reported before
-- this version have NULL and the finder computes their features from the text as before.
-- Inputs: case_record (V1). Versions V11-V19 are issue 19's case-service work.

ALTER TABLE case_record
  ADD COLUMN text_sig BLOB NULL COMMENT 'TextSignature of title + description; NULL for cases reported before V13';

-- Issue 15: every secondary index is one more B-tree entry written by each case creation. These two serve no query:
--   idx_case_reporter_phone: the only query naming reporter_phone is 综合查询's person filter, (reporter_name = ? OR
--     reporter_phone = ? OR created_by = ?); neither reporter_name nor created_by has an index, so the OR cannot be
--     answered from indexes and the server does not read this one (the person file goes by reporter_key, whose index
--     idx_case_reporter_key also holds reporter_phone for the key back-fill).
--   idx_audit_target (target_type, target_id): the audit search filters on target_id alone, which is not this index's
--     leading column; nothing filters on target_type.
DROP INDEX idx_case_reporter_phone ON case_record;
DROP INDEX idx_audit_target ON audit_log;

-- Goal: 考核规则 per area (issue 16 part 3, 分级考核): the district sets each level's rules; a street may set its own
-- COMMUNITY and GRID_WORKER rules, which override the district's for the subjects in that street. Inputs: V30's
-- assessment_rule_version. Outputs: its scope_code, versions numbered per (level, scope), and who withdrew a street's
-- rules.
--
-- scope_code is the district's code (370112, every existing row: the rules so far were the district's) or a street's
-- 9-digit code. A month is scored for a subject with its street's version valid in that month, else the district's.
-- A street's rules are withdrawn by ending them (valid_to, with withdrawn_by/withdrawn_at): nothing is deleted, and
-- the months before the withdrawal keep their rules.
ALTER TABLE assessment_rule_version
  ADD COLUMN scope_code VARCHAR(12) NOT NULL DEFAULT '370112'
    COMMENT 'district code (the district''s rules) or a street code (that street''s override)' AFTER level,
  ADD COLUMN withdrawn_by VARCHAR(64) NULL COMMENT 'who ended a street''s rules (valid_to set by a withdrawal)',
  ADD COLUMN withdrawn_at DATETIME NULL;

ALTER TABLE assessment_rule_version
  ALTER COLUMN scope_code DROP DEFAULT,
  DROP INDEX uq_rule_level_version,
  DROP INDEX uq_rule_level_from,
  ADD UNIQUE KEY uq_rule_scope_version (level, scope_code, version),
  ADD UNIQUE KEY uq_rule_scope_from (level, scope_code, valid_from);

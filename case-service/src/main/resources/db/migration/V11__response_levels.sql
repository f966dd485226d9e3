-- Goal: 接诉即办 response levels (issue 19 part 4). Each category, and the report's urgency, maps to a level with a
-- response deadline (首次响应: the handling department's first contact with the reporter) and a resolution deadline;
-- a case stores its level and both deadlines at creation, when it was first responded to, and the 回访 satisfaction.
-- Inputs: case_record, the category catalogue's codes. Versions V11-V19 are this feature's.
--
-- The levels follow Beijing's 接诉即办 (北京市接诉即办工作条例: urgent matters at once, outages of water, electricity,
-- gas and heating within 24 hours, ordinary requests 7 days, complex ones 15 days):
--   L1 紧急   respond  2 h, resolve  24 h  public safety (C09), 地质灾害, 急救, 房屋安全, and every 特急 report
--   L2 急难   respond 24 h, resolve  72 h  outages: 供暖, 供水, 燃气, 供电, 排水积水 (and every 紧急 report at least)
--   L3 一般   respond 48 h, resolve 168 h  everything else (the '*' row)
--   L4 复杂   respond 72 h, resolve 360 h  the categories whose catalogue time limit is 10 days or more
-- The resolution deadline (due_at) is the stricter of the category's 办理时限 (category_workflow, unchanged) and the
-- level's: L1 and L2 shorten 48-120 h limits to 24 h and 72 h; L3's 7 days and L4's 15 days never lengthen the
-- catalogue's 5 or 10-15 days, so for them the category time limit stays what it was. The response deadline is new.
-- Cases created before this migration have no level and no response deadline: they are not counted in 响应率.

CREATE TABLE response_level (
  code           VARCHAR(4)   NOT NULL PRIMARY KEY COMMENT 'L1 strictest … L4',
  name           VARCHAR(16)  NOT NULL,
  response_hours INT          NOT NULL COMMENT 'first contact with the reporter due this long after the report',
  resolve_hours  INT          NOT NULL COMMENT 'resolution due at most this long after the report',
  min_urgency    TINYINT      NULL COMMENT 'a report at this urgency or above gets this level at least',
  note           VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO response_level (code, name, response_hours, resolve_hours, min_urgency, note) VALUES
  ('L1', '紧急', 2, 24, 3, '涉及人身财产安全的紧急诉求：2小时内响应，24小时内办结'),
  ('L2', '急难', 24, 72, 2, '停水、停电、停气、停热等：24小时内响应，3日内办结'),
  ('L3', '一般', 48, 168, NULL, '一般诉求：48小时内响应，7日内办结（类别时限更短的从其时限）'),
  ('L4', '复杂', 72, 360, NULL, '情况复杂的诉求：72小时内响应，15日内办结（类别时限更短的从其时限）');

-- Level-2 codes first, then level-1 codes, then '*'.
CREATE TABLE category_response_level (
  category_code VARCHAR(16) NOT NULL PRIMARY KEY,
  level_code    VARCHAR(4)  NOT NULL,
  CONSTRAINT fk_catlevel_level FOREIGN KEY (level_code) REFERENCES response_level (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO category_response_level (category_code, level_code) VALUES
  ('*', 'L3'),
  ('C09', 'L1'), ('C1306', 'L1'), ('C0613', 'L1'), ('C0125', 'L1'),
  ('C0101', 'L2'), ('C0102', 'L2'), ('C0106', 'L2'), ('C0119', 'L2'), ('C0120', 'L2'),
  ('C0107', 'L4'), ('C0108', 'L4'), ('C0109', 'L4'), ('C0112', 'L4'), ('C0113', 'L4'), ('C0114', 'L4'),
  ('C0116', 'L4'), ('C0126', 'L4'), ('C0127', 'L4'), ('C0310', 'L4'), ('C0515', 'L4'), ('C1203', 'L4'),
  ('C1206', 'L4'), ('C1301', 'L4'), ('C1302', 'L4'), ('C1303', 'L4'), ('C1405', 'L4'), ('C1406', 'L4'),
  ('C1603', 'L4'), ('C1701', 'L4'), ('C1702', 'L4'), ('C1703', 'L4');

ALTER TABLE case_record
  ADD COLUMN response_level    VARCHAR(4)  NULL COMMENT 'response_level.code at creation (or after 改分类)',
  ADD COLUMN response_due_at   DATETIME    NULL COMMENT 'first contact due',
  ADD COLUMN responded_at      DATETIME    NULL COMMENT '首次响应; a self-handled case is responded at its report',
  ADD COLUMN responded_by      VARCHAR(64) NULL,
  ADD COLUMN satisfaction      VARCHAR(24) NULL COMMENT '回访: SATISFIED, BASICALLY_SATISFIED, DISSATISFIED',
  ADD COLUMN return_visited_at DATETIME    NULL;

-- the cockpit's 响应率/解决率/满意率: cases of the last 30 days by department
CREATE INDEX idx_case_created_dept ON case_record (created_at, department_code);

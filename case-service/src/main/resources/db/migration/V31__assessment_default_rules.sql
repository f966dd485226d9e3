-- Goal: the default rules, version 1 of every level, valid from 2025-01-01 (so the demo's and the tests' months have
-- rules before anyone edits them). Inputs: V30's tables. Outputs: 4 versions, 33 items.
--
-- Why these weights (each level sums to 100):
-- * GRID_WORKER (3.5 日常工作, 3.6 考勤打卡, 3.2 辖区巡查, 3.8 入户走访): presence and finding problems weigh most —
--   attendance 15 and events reported 15 are the worker's daily duty; handling, hidden dangers, satisfaction,
--   patrol distance, patrol coverage and visits 10 each; mediations 5 (few disputes reach a grid worker); overdue
--   3 and 驳回 2 are small deductions-by-design, because the department, not the worker, holds most of a case's time.
-- * COMMUNITY: the same work summed over its grids, with satisfaction up to 15 (the community answers to residents)
--   and overdue 10 (it follows its workers' cases); patrol distance is left out (coverage says more for an area).
-- * STREET: outcomes over activity — satisfaction 20 and events handled 15; reported, hidden dangers, attendance,
--   coverage, mediations and overdue 10 each; 驳回 5.
-- * DEPARTMENT: departments do not patrol or visit; they are judged on what residents and the workflow say of their
--   handling: satisfaction 40, overdue 35, 驳回 25.
-- Targets are per month; for a community or street they are per grid worker of the unit (the job averages its
-- workers' raw values), so units of any size can reach them. Rates (satisfaction, attendance, coverage) are shares
-- 0..1. INVERSE_COUNT targets are the count at which the item's points reach 0.
INSERT INTO assessment_rule_version (id, level, version, valid_from, valid_to, note, created_by, created_at) VALUES
  (1, 'GRID_WORKER', 1, '2025-01-01', NULL, '默认规则（系统初始化）', 'system', '2025-01-01 00:00:00'),
  (2, 'COMMUNITY',   1, '2025-01-01', NULL, '默认规则（系统初始化）', 'system', '2025-01-01 00:00:00'),
  (3, 'STREET',      1, '2025-01-01', NULL, '默认规则（系统初始化）', 'system', '2025-01-01 00:00:00'),
  (4, 'DEPARTMENT',  1, '2025-01-01', NULL, '默认规则（系统初始化）', 'system', '2025-01-01 00:00:00');

INSERT INTO assessment_rule_item (version_id, position, item_code, item_name, weight, target, method, direction) VALUES
  (1,  1, 'EVENTS_REPORTED',    '上报事件数',       15, 20,   'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  2, 'EVENTS_HANDLED',     '自行处理办结数',   10, 8,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  3, 'HIDDEN_DANGERS',     '发现安全隐患数',   10, 3,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  4, 'SATISFACTION',       '回访满意率',       10, 0.9,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  5, 'ATTENDANCE',         '出勤率',           15, 0.95, 'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  6, 'PATROL_DISTANCE_KM', '巡查里程（公里）', 10, 60,   'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  7, 'PATROL_COVERAGE',    '巡查覆盖率',       10, 0.6,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  8, 'VISITS',             '入户走访数',       10, 20,   'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1,  9, 'MEDIATIONS',         '调处成功数',        5, 2,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (1, 10, 'OVERDUE_COUNT',      '超期事件数',        3, 3,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (1, 11, 'REJECT_COUNT',       '被驳回次数',        2, 5,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (2,  1, 'EVENTS_REPORTED',    '上报事件数',       10, 20,   'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  2, 'EVENTS_HANDLED',     '自行处理办结数',   10, 8,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  3, 'HIDDEN_DANGERS',     '发现安全隐患数',   10, 3,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  4, 'SATISFACTION',       '回访满意率',       15, 0.9,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  5, 'ATTENDANCE',         '出勤率',           10, 0.95, 'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  6, 'PATROL_COVERAGE',    '巡查覆盖率',       10, 0.6,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  7, 'VISITS',             '入户走访数',       10, 20,   'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  8, 'MEDIATIONS',         '调处成功数',       10, 2,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (2,  9, 'OVERDUE_COUNT',      '超期事件数',       10, 3,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (2, 10, 'REJECT_COUNT',       '被驳回次数',        5, 5,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (3,  1, 'EVENTS_REPORTED',    '上报事件数',       10, 20,   'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  2, 'EVENTS_HANDLED',     '自行处理办结数',   15, 8,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  3, 'HIDDEN_DANGERS',     '发现安全隐患数',   10, 3,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  4, 'SATISFACTION',       '回访满意率',       20, 0.9,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  5, 'ATTENDANCE',         '出勤率',           10, 0.95, 'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  6, 'PATROL_COVERAGE',    '巡查覆盖率',       10, 0.6,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  7, 'MEDIATIONS',         '调处成功数',       10, 2,    'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (3,  8, 'OVERDUE_COUNT',      '超期事件数',       10, 3,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (3,  9, 'REJECT_COUNT',       '被驳回次数',        5, 5,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (4,  1, 'SATISFACTION',       '回访满意率',       40, 0.9,  'RATIO_TO_TARGET', '越多越好，达到目标得满分'),
  (4,  2, 'OVERDUE_COUNT',      '超期事件数',       35, 5,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分'),
  (4,  3, 'REJECT_COUNT',       '被驳回次数',       25, 5,    'INVERSE_COUNT',   '越少越好，达到目标数时不得分');

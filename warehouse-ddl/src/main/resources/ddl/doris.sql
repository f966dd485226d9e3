-- gridgov warehouse schema, doris dialect.
-- Generated from org.gridgov.warehouse.WarehouseSchema; do not edit by hand (see warehouse-ddl/README.md).
CREATE DATABASE IF NOT EXISTS `gridgov`;
USE `gridgov`;

CREATE TABLE IF NOT EXISTS `dim_street` (
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `district_code` VARCHAR(96) NOT NULL COMMENT '区县编码',
  `district_name` VARCHAR(192) NOT NULL COMMENT '区县名称'
)
UNIQUE KEY(`street_code`)
COMMENT '街道/镇 streets and towns of the district'
DISTRIBUTED BY HASH(`street_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dim_community` (
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `community_name` VARCHAR(192) NOT NULL COMMENT '社区名称',
  `street_code` VARCHAR(96) NOT NULL COMMENT '所属街道编码'
)
UNIQUE KEY(`community_code`)
COMMENT '社区/村 communities and villages'
DISTRIBUTED BY HASH(`community_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dim_grid` (
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `grid_name` VARCHAR(192) NOT NULL COMMENT '网格名称',
  `community_code` VARCHAR(96) NOT NULL COMMENT '所属社区编码',
  `street_code` VARCHAR(96) NOT NULL COMMENT '所属街道编码',
  `boundary_wkt` STRING NOT NULL COMMENT '边界 (WKT, WGS84)'
)
UNIQUE KEY(`grid_code`)
COMMENT '网格 management grids with their boundary'
DISTRIBUTED BY HASH(`grid_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dim_category` (
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `category_name` VARCHAR(192) NOT NULL COMMENT '二级分类',
  `parent_code` VARCHAR(96) NOT NULL COMMENT '一级分类编码',
  `parent_name` VARCHAR(192) NOT NULL COMMENT '一级分类',
  `department` VARCHAR(192) NOT NULL COMMENT '责任部门'
)
UNIQUE KEY(`category_code`)
COMMENT '事件分类 two-level case categories following 12345 platforms'
DISTRIBUTED BY HASH(`category_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ods_hotline_case` (
  `case_id` VARCHAR(192) NOT NULL COMMENT '工单编号',
  `accept_date` DATE NOT NULL COMMENT '受理日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `channel` VARCHAR(96) NOT NULL COMMENT '受理渠道',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `content` STRING NOT NULL COMMENT '诉求内容',
  `caller_key` VARCHAR(192) NULL COMMENT '来电人 salted hash',
  `caller_name_masked` VARCHAR(192) NULL COMMENT '来电人 (masked)',
  `caller_phone_masked` VARCHAR(96) NULL COMMENT '来电号码 (masked)',
  `caller_id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `address` VARCHAR(600) NULL COMMENT '地址',
  `department` VARCHAR(192) NULL COMMENT '承办部门',
  `accept_time` DATETIME NOT NULL COMMENT '受理时间',
  `deadline` DATETIME NULL COMMENT '办理时限',
  `status` VARCHAR(96) NOT NULL COMMENT '状态',
  `reply_time` DATETIME NULL COMMENT '回复时间',
  `close_time` DATETIME NULL COMMENT '办结时间',
  `satisfaction` TINYINT NULL COMMENT '满意度 1-5'
)
UNIQUE KEY(`case_id`, `accept_date`)
COMMENT '12345 热线工单, as received, PII protected'
PARTITION BY RANGE(`accept_date`) ()
DISTRIBUTED BY HASH(`case_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `ods_petition` (
  `petition_id` VARCHAR(192) NOT NULL COMMENT '信访件编号',
  `petition_date` DATE NOT NULL COMMENT '信访日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `person_key` VARCHAR(192) NOT NULL COMMENT '信访人 salted hash',
  `person_name_masked` VARCHAR(192) NULL COMMENT '信访人 (masked)',
  `id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `phone_masked` VARCHAR(96) NULL COMMENT '电话 (masked)',
  `form` VARCHAR(96) NOT NULL COMMENT '信访形式',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `content` STRING NOT NULL COMMENT '诉求内容',
  `company_name` VARCHAR(300) NULL COMMENT '涉及单位',
  `group_size` INT NOT NULL COMMENT '人数 (>=5 为集体访)',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `petition_time` DATETIME NOT NULL COMMENT '信访时间'
)
UNIQUE KEY(`petition_id`, `petition_date`)
COMMENT '信访件, as received, PII protected'
PARTITION BY RANGE(`petition_date`) ()
DISTRIBUTED BY HASH(`petition_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `ods_arrears_case` (
  `case_id` VARCHAR(192) NOT NULL COMMENT '案件编号',
  `report_date` DATE NOT NULL COMMENT '登记日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `company_name` VARCHAR(300) NOT NULL COMMENT '欠薪单位',
  `project_name` VARCHAR(300) NULL COMMENT '项目名称',
  `worker_count` INT NOT NULL COMMENT '涉及人数',
  `amount_yuan` DECIMAL(16, 2) NOT NULL COMMENT '涉及金额 (元)',
  `complainant_key` VARCHAR(192) NOT NULL COMMENT '投诉人 salted hash',
  `complainant_name_masked` VARCHAR(192) NULL COMMENT '投诉人 (masked)',
  `id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `phone_masked` VARCHAR(96) NULL COMMENT '电话 (masked)',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `report_time` DATETIME NOT NULL COMMENT '登记时间',
  `status` VARCHAR(96) NOT NULL COMMENT '状态',
  `resolved_time` DATETIME NULL COMMENT '化解时间'
)
UNIQUE KEY(`case_id`, `report_date`)
COMMENT '清欠/欠薪案件, as received, PII protected'
PARTITION BY RANGE(`report_date`) ()
DISTRIBUTED BY HASH(`case_id`) BUCKETS 4
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "4",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `ods_police_incident` (
  `incident_id` VARCHAR(192) NOT NULL COMMENT '警情编号',
  `report_date` DATE NOT NULL COMMENT '报警日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `incident_type` VARCHAR(96) NOT NULL COMMENT '警情类别',
  `person_key` VARCHAR(192) NULL COMMENT '当事人 salted hash',
  `person_name_masked` VARCHAR(192) NULL COMMENT '当事人 (masked)',
  `id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `phone_masked` VARCHAR(96) NULL COMMENT '电话 (masked)',
  `content` STRING NOT NULL COMMENT '简要警情',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `report_time` DATETIME NOT NULL COMMENT '报警时间'
)
UNIQUE KEY(`incident_id`, `report_date`)
COMMENT '警情, as received, PII protected'
PARTITION BY RANGE(`report_date`) ()
DISTRIBUTED BY HASH(`incident_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `ods_grid_record` (
  `record_id` VARCHAR(192) NOT NULL COMMENT '记录编号',
  `record_date` DATE NOT NULL COMMENT '记录日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `kind` VARCHAR(96) NOT NULL COMMENT '类型 REPORT/PATROL/VISIT/ATTENDANCE/MEDIATION',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号',
  `person_key` VARCHAR(192) NULL COMMENT '走访对象 salted hash',
  `id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `category_code` VARCHAR(96) NULL COMMENT '二级分类编码 (上报)',
  `content` STRING NOT NULL COMMENT '内容',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `record_time` DATETIME NOT NULL COMMENT '记录时间 (考勤: 签到; 巡查: first fix)',
  `detail` STRING NULL COMMENT 'schema_version 2 kind fields as received (JSON): track [[second, lat, lon], ...], check_out_time/latitude/longitude, dispute_type, outcome; NULL for version 1 records'
)
UNIQUE KEY(`record_id`, `record_date`)
COMMENT '网格员上报/巡查/走访/考勤/调处记录, as received, PII protected'
PARTITION BY RANGE(`record_date`) ()
DISTRIBUTED BY HASH(`record_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dwd_hotline_case` (
  `case_id` VARCHAR(192) NOT NULL COMMENT '工单编号',
  `accept_date` DATE NOT NULL COMMENT '受理日期 (partition)',
  `accept_month` VARCHAR(21) NOT NULL COMMENT '受理月份 yyyy-MM',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `channel` VARCHAR(96) NOT NULL COMMENT '受理渠道',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `category_l1_code` VARCHAR(96) NOT NULL COMMENT '一级分类编码',
  `department` VARCHAR(192) NULL COMMENT '承办部门',
  `caller_key` VARCHAR(192) NULL COMMENT '来电人 salted hash',
  `accept_time` DATETIME NOT NULL COMMENT '受理时间',
  `deadline` DATETIME NULL COMMENT '办理时限',
  `status` VARCHAR(96) NOT NULL COMMENT '状态',
  `is_replied` TINYINT NOT NULL COMMENT '已回复',
  `is_closed` TINYINT NOT NULL COMMENT '已办结',
  `is_overdue` TINYINT NOT NULL COMMENT '超期 (办结晚于时限, 或未办结已过时限)',
  `satisfaction` TINYINT NULL COMMENT '满意度 1-5',
  `close_time` DATETIME NULL COMMENT '办结时间',
  `master_case_id` VARCHAR(192) NULL COMMENT '重复工单的主工单: the earliest record of its chain (same caller and category, open, within the loader''s duplicate window); NULL when the record repeats no open case',
  `is_duplicate` TINYINT NOT NULL COMMENT '重复来电 (master_case_id set)',
  `content` STRING NOT NULL COMMENT '诉求内容'
)
UNIQUE KEY(`case_id`, `accept_date`)
COMMENT '12345 工单明细, conformed to the district''s streets, communities, grids and categories'
PARTITION BY RANGE(`accept_date`) ()
DISTRIBUTED BY HASH(`case_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dlq_record` (
  `dlq_id` VARCHAR(192) NOT NULL COMMENT 'deterministic id: source position of the record',
  `source` VARCHAR(96) NOT NULL COMMENT '来源 (topic or file)',
  `record_key` VARCHAR(192) NULL COMMENT 'record id when it could be read',
  `error_field` VARCHAR(192) NOT NULL COMMENT 'first failing field',
  `reason` VARCHAR(3000) NOT NULL COMMENT 'all violations, field: reason',
  `payload` STRING NOT NULL COMMENT 'the record as received, PII redacted',
  `received_time` DATETIME NOT NULL COMMENT 'when the record reached Kafka (its timestamp), so a replay writes the same row'
)
UNIQUE KEY(`dlq_id`)
COMMENT '死信: records rejected on the way in, with the reason; payload has PII redacted'
DISTRIBUTED BY HASH(`dlq_id`) BUCKETS 4
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_hotline_street_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `accepted_cnt` INT NOT NULL COMMENT '受理量',
  `replied_cnt` INT NOT NULL COMMENT '回复数',
  `closed_cnt` INT NOT NULL COMMENT '办结数',
  `overdue_cnt` INT NOT NULL COMMENT '超期数',
  `close_rate` DECIMAL(6, 4) NOT NULL COMMENT '办结率',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `street_code`)
COMMENT '12345 受理量/回复数/办结数/超期数 by street and month'
DISTRIBUTED BY HASH(`street_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `audit_ingest` (
  `batch_id` VARCHAR(192) NOT NULL COMMENT 'deterministic batch id: pipeline, source and input',
  `pipeline` VARCHAR(96) NOT NULL COMMENT 'datax-local, gateway-file, gateway-http or open311',
  `source` VARCHAR(96) NOT NULL COMMENT '来源系统 hotline/petition/arrears/police/grid',
  `input_name` VARCHAR(600) NOT NULL COMMENT 'file name, source table or HTTP window',
  `target` VARCHAR(192) NOT NULL COMMENT 'ODS table or Kafka topic the valid records went to',
  `started_time` DATETIME NOT NULL COMMENT 'batch start (district time)',
  `finished_time` DATETIME NOT NULL COMMENT 'batch end (district time)',
  `records_in` BIGINT NOT NULL COMMENT 'records read from the input',
  `records_loaded` BIGINT NOT NULL COMMENT 'records accepted and written (ODS upserts or raw topic)',
  `records_rejected` BIGINT NOT NULL COMMENT 'records rejected with a reason (dlq_record or dlq topic)',
  `duplicate_records` BIGINT NOT NULL COMMENT 'accepted records whose key repeated an earlier one (upserted onto one row)',
  `rows_verified` BIGINT NULL COMMENT 'distinct target rows plus dead letters read back from the warehouse (file loads), or records Kafka acknowledged (gateway); NULL if not checked',
  `status` VARCHAR(48) NOT NULL COMMENT 'OK, EMPTY, MISMATCH, LIMIT_EXCEEDED or FAILED',
  `message` VARCHAR(3000) NULL COMMENT 'why the status is not OK',
  `input_sha256` VARCHAR(192) NULL COMMENT 'SHA-256 of the input file, when the input is a file'
)
UNIQUE KEY(`batch_id`)
COMMENT '入库对账 ingest reconciliation: records in = loaded + rejected, per batch or window'
DISTRIBUTED BY HASH(`batch_id`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_alert_event` (
  `alert_id` VARCHAR(192) NOT NULL COMMENT 'deterministic alert id: rule + hash of what identifies the incident',
  `rule` VARCHAR(96) NOT NULL COMMENT '规则 repeat_petition/group_petition/repeat_call/cross_source/key_person_petition/escalation/case_due_soon/case_overdue/case_overdue_escalated',
  `level` VARCHAR(96) NOT NULL COMMENT '等级 RED/ORANGE/YELLOW/BLUE',
  `level_label` VARCHAR(24) NOT NULL COMMENT '等级 红/橙/黄/蓝',
  `subject_type` VARCHAR(96) NOT NULL COMMENT 'PERSON (salted key), COMPANY or CASE',
  `subject_key` VARCHAR(192) NOT NULL COMMENT 'person key (never a clear ID), company name or case id',
  `evidence_ids` STRING NOT NULL COMMENT 'evidence record ids, comma-separated, in event-time order',
  `evidence_count` INT NOT NULL COMMENT 'number of evidence records',
  `message` STRING NOT NULL COMMENT '说明 for leaders, no clear PII',
  `event_time` DATETIME NOT NULL COMMENT 'event time at which the rule fired (district time)',
  `last_evidence_time` DATETIME NOT NULL COMMENT 'event time of the latest evidence',
  `version` INT NOT NULL COMMENT '1 when raised, +1 per update with new evidence or a higher level'
)
UNIQUE KEY(`alert_id`)
COMMENT '预警 alerts for leaders: rule, level, subject (hashed person key, company or case) and evidence'
DISTRIBUTED BY HASH(`alert_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "bloom_filter_columns" = "subject_key"
);

CREATE TABLE IF NOT EXISTS `audit_alert_push` (
  `alert_id` VARCHAR(192) NOT NULL COMMENT 'alert id',
  `channel` VARCHAR(96) NOT NULL COMMENT 'dingtalk or wecom',
  `status` VARCHAR(96) NOT NULL COMMENT 'SENDING (claimed, push in flight), SENT, QUEUED (rate-limited, waits for a digest), DIGESTED (sent in a digest), FAILED',
  `rule` VARCHAR(96) NOT NULL COMMENT '规则',
  `level` VARCHAR(96) NOT NULL COMMENT '等级',
  `title` VARCHAR(600) NOT NULL COMMENT 'one-line summary used in digests, no PII',
  `message_id` VARCHAR(192) NULL COMMENT 'id of the push (digest id when pushed in a digest)',
  `attempts` INT NOT NULL COMMENT 'push attempts so far',
  `http_status` INT NULL COMMENT 'HTTP status of the last attempt',
  `response` VARCHAR(1500) NULL COMMENT 'robot response or error of the last attempt',
  `updated_at` DATETIME NOT NULL COMMENT 'wall-clock time of the last change'
)
UNIQUE KEY(`alert_id`, `channel`)
COMMENT '预警推送日志 webhook pushes (DingTalk/WeCom) per alert, the dedup memory across restarts'
DISTRIBUTED BY HASH(`alert_id`) BUCKETS 4
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dlq_alert_input` (
  `input_id` VARCHAR(192) NOT NULL COMMENT 'source position topic:partition:offset, the same id as dlq_record for raw records',
  `kind` VARCHAR(96) NOT NULL COMMENT 'INVALID or LATE',
  `source` VARCHAR(96) NOT NULL COMMENT 'topic',
  `record_key` VARCHAR(192) NULL COMMENT 'record id when it could be read (PII redacted)',
  `reason` VARCHAR(3000) NOT NULL COMMENT 'why, PII redacted',
  `event_time` DATETIME NULL COMMENT 'event time of a late event',
  `watermark_time` DATETIME NULL COMMENT 'watermark when a late event arrived',
  `received_time` DATETIME NOT NULL COMMENT 'Kafka timestamp of the record'
)
UNIQUE KEY(`input_id`)
COMMENT 'alert job inputs rejected (INVALID) or too late (LATE), counted and kept with the reason'
DISTRIBUTED BY HASH(`input_id`) BUCKETS 4
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dws_hotline_dim_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `dim_type` VARCHAR(48) NOT NULL COMMENT '维度 DISTRICT/CHANNEL/CATEGORY_L1/CATEGORY/DEPARTMENT/STREET',
  `dim_code` VARCHAR(192) NOT NULL COMMENT '维度编码 (渠道枚举, 分类编码, 部门名称, 街道编码, 区划编码)',
  `dim_name` VARCHAR(192) NOT NULL COMMENT '维度名称',
  `accepted_cnt` INT NOT NULL COMMENT '受理量',
  `handled_cnt` INT NOT NULL COMMENT '承办量 (派至承办部门: 状态不是仅受理)',
  `replied_cnt` INT NOT NULL COMMENT '回复数',
  `closed_cnt` INT NOT NULL COMMENT '办结数',
  `overdue_cnt` INT NOT NULL COMMENT '超期数',
  `rated_cnt` INT NOT NULL COMMENT '评价数',
  `satisfied_cnt` INT NOT NULL COMMENT '满意数 (4-5 分)',
  `close_rate` DECIMAL(6, 4) NOT NULL COMMENT '办结率 closed/accepted',
  `satisfaction_rate` DECIMAL(6, 4) NULL COMMENT '满意率 satisfied/rated (无评价为空)',
  `satisfaction_avg` DECIMAL(4, 2) NULL COMMENT '平均满意度 1-5 (无评价为空)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `dim_type`, `dim_code`)
COMMENT '12345 月度汇总 by one dimension: DISTRICT, CHANNEL, CATEGORY_L1, CATEGORY, DEPARTMENT, STREET'
DISTRIBUTED BY HASH(`dim_code`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_hotline_dim_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `dim_type` VARCHAR(48) NOT NULL COMMENT '维度 DISTRICT/CHANNEL/CATEGORY_L1/CATEGORY/DEPARTMENT/STREET',
  `dim_code` VARCHAR(192) NOT NULL COMMENT '维度编码',
  `dim_name` VARCHAR(192) NOT NULL COMMENT '维度名称',
  `accepted_cnt` INT NOT NULL COMMENT '受理量',
  `handled_cnt` INT NOT NULL COMMENT '承办量',
  `replied_cnt` INT NOT NULL COMMENT '回复数',
  `closed_cnt` INT NOT NULL COMMENT '办结数',
  `close_rate` DECIMAL(6, 4) NOT NULL COMMENT '办结率',
  `overdue_cnt` INT NOT NULL COMMENT '超期数',
  `satisfaction_rate` DECIMAL(6, 4) NULL COMMENT '满意率',
  `accepted_prev_month` INT NULL COMMENT '上月受理量 (上月无数据为空)',
  `accepted_prev_year` INT NULL COMMENT '去年同月受理量 (无数据为空)',
  `accepted_mom` DECIMAL(12, 4) NULL COMMENT '受理量环比增长率 (基数为 0 或无数据为空)',
  `accepted_yoy` DECIMAL(12, 4) NULL COMMENT '受理量同比增长率',
  `close_rate_mom` DECIMAL(6, 4) NULL COMMENT '办结率环比变化 (百分点/100)',
  `close_rate_yoy` DECIMAL(6, 4) NULL COMMENT '办结率同比变化',
  `overdue_mom` DECIMAL(12, 4) NULL COMMENT '超期数环比增长率',
  `overdue_yoy` DECIMAL(12, 4) NULL COMMENT '超期数同比增长率',
  `satisfaction_rate_mom` DECIMAL(6, 4) NULL COMMENT '满意率环比变化',
  `satisfaction_rate_yoy` DECIMAL(6, 4) NULL COMMENT '满意率同比变化',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `dim_type`, `dim_code`)
COMMENT '12345 受理量/承办量/回复数/办结率/超期数/满意度 with 环比 (previous month) and 同比 (same month last year)'
DISTRIBUTED BY HASH(`dim_code`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_petition_street_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码 (located from the petition''s coordinates)',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `petition_cnt` INT NOT NULL COMMENT '信访件次',
  `person_cnt` INT NOT NULL COMMENT '信访人数',
  `repeat_person_cnt` INT NOT NULL COMMENT '本月信访 2 次及以上的人数',
  `group_petition_cnt` INT NOT NULL COMMENT '集访件次 (group_size>=5, or >=5 persons about one company within the window)',
  `visit_cnt` INT NOT NULL COMMENT '来访件次',
  `prev_month_cnt` INT NULL COMMENT '上月件次 (上月无数据为空)',
  `petition_mom` DECIMAL(12, 4) NULL COMMENT '件次环比增长率',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `street_code`)
COMMENT '信访趋势 by street and month: 件次, 人数, 重复信访人, 集访件次, 来访件次, 环比'
DISTRIBUTED BY HASH(`street_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_overdue_rank_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `area_level` VARCHAR(48) NOT NULL COMMENT '区域层级 STREET/COMMUNITY/GRID',
  `area_code` VARCHAR(96) NOT NULL COMMENT '区域编码',
  `area_name` VARCHAR(192) NOT NULL COMMENT '区域名称',
  `parent_code` VARCHAR(96) NULL COMMENT '上级区域编码 (街道为空)',
  `total_cnt` INT NOT NULL COMMENT '总数',
  `done_cnt` INT NOT NULL COMMENT '已办 (办结)',
  `open_cnt` INT NOT NULL COMMENT '未办',
  `overdue_cnt` INT NOT NULL COMMENT '超期',
  `overdue_rate` DECIMAL(6, 4) NOT NULL COMMENT '超期率 overdue/total',
  `overdue_rank` INT NOT NULL COMMENT '同层级排名 (超期数降序, 超期率降序, 编码)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `area_level`, `area_code`)
COMMENT '12345 超期排行 by area (STREET, COMMUNITY, GRID): 总数/已办/未办/超期'
DISTRIBUTED BY HASH(`area_code`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_hot_word_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `scope_type` VARCHAR(48) NOT NULL COMMENT '范围 DISTRICT/STREET/CATEGORY',
  `scope_code` VARCHAR(96) NOT NULL COMMENT '范围编码 (区划, 街道, 二级分类)',
  `word_rank` INT NOT NULL COMMENT '名次 1..N',
  `scope_name` VARCHAR(192) NOT NULL COMMENT '范围名称',
  `word` VARCHAR(96) NOT NULL COMMENT '热词',
  `weight` DOUBLE NOT NULL COMMENT 'TF-IDF: 含该词的本月文本数 × ln((1+N)/(1+df))+1, df over the IDF window',
  `doc_cnt` INT NOT NULL COMMENT '本月含该词的文本数',
  `scope_doc_cnt` INT NOT NULL COMMENT '本月该范围文本数',
  `prev_doc_cnt` INT NULL COMMENT '上月含该词的文本数 (上月该范围无文本为空)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `scope_type`, `scope_code`, `word_rank`)
COMMENT '月度热词 by scope (DISTRICT, STREET, CATEGORY): TF-IDF of the month''s 12345 texts'
DISTRIBUTED BY HASH(`scope_code`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_rising_word_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `scope_type` VARCHAR(48) NOT NULL COMMENT '范围 DISTRICT/STREET/CATEGORY',
  `scope_code` VARCHAR(96) NOT NULL COMMENT '范围编码',
  `word_rank` INT NOT NULL COMMENT '名次 1..N',
  `scope_name` VARCHAR(192) NOT NULL COMMENT '范围名称',
  `word` VARCHAR(96) NOT NULL COMMENT '上升词',
  `doc_cnt` INT NOT NULL COMMENT '本月含该词的文本数',
  `scope_doc_cnt` INT NOT NULL COMMENT '本月该范围文本数',
  `prev_doc_cnt` INT NOT NULL COMMENT '上月含该词的文本数',
  `prev_scope_doc_cnt` INT NOT NULL COMMENT '上月该范围文本数',
  `growth_ratio` DOUBLE NOT NULL COMMENT '占比之比 (本月占比 / 上月占比, 上月为 0 时按 0.5 篇计)',
  `llr` DOUBLE NOT NULL COMMENT '对数似然比 G2 (越大越显著)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `scope_type`, `scope_code`, `word_rank`)
COMMENT '上升词 by scope: words whose share of texts grew most against the previous month (log-likelihood G2)'
DISTRIBUTED BY HASH(`scope_code`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_opinion_risk_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `scope_type` VARCHAR(48) NOT NULL COMMENT '范围 DISTRICT/STREET/CATEGORY',
  `scope_code` VARCHAR(96) NOT NULL COMMENT '范围编码',
  `scope_name` VARCHAR(192) NOT NULL COMMENT '范围名称',
  `doc_cnt` INT NOT NULL COMMENT '本月文本数',
  `risk_doc_cnt` INT NOT NULL COMMENT '含风险词的文本数',
  `risk_share` DOUBLE NOT NULL COMMENT '风险文本占比',
  `prev_doc_cnt` INT NULL COMMENT '上月文本数 (无数据为空)',
  `prev_risk_doc_cnt` INT NULL COMMENT '上月含风险词的文本数',
  `spike_ratio` DOUBLE NULL COMMENT '占比之比 本月/上月 (上月为 0 时按 0.5 篇计)',
  `llr` DOUBLE NULL COMMENT '对数似然比 G2 of the increase',
  `is_flagged` TINYINT NOT NULL COMMENT '舆情风险标记 1/0',
  `top_terms` VARCHAR(600) NULL COMMENT '本月最多的风险词 (词:文本数)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `scope_type`, `scope_code`)
COMMENT '舆情风险 by scope and month: share of texts with risk terms and its spike against the previous month'
DISTRIBUTED BY HASH(`scope_code`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_person_risk_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM (评分截至该月末)',
  `person_key` VARCHAR(192) NOT NULL COMMENT '人员 salted hash',
  `name_masked` VARCHAR(192) NULL COMMENT '姓名 (masked)',
  `id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `risk_score` DECIMAL(5, 1) NOT NULL COMMENT '风险分 0-100',
  `risk_level` VARCHAR(24) NOT NULL COMMENT '等级 红/橙/黄/蓝',
  `risk_rank` INT NOT NULL COMMENT '本月名次 (分数降序)',
  `petition_cnt` INT NOT NULL COMMENT '信访次数 (回看窗口内)',
  `repeat_petition_cnt` INT NOT NULL COMMENT '重复信访次数 (同一事项第 2 次起)',
  `recent_petition_cnt` INT NOT NULL COMMENT '近期信访次数',
  `group_petition_cnt` INT NOT NULL COMMENT '参与集访次数',
  `hotline_cnt` INT NOT NULL COMMENT '12345 来电次数',
  `repeat_call_cnt` INT NOT NULL COMMENT '重复来电次数 (同一分类第 2 次起)',
  `police_cnt` INT NOT NULL COMMENT '警情次数',
  `conflict_police_cnt` INT NOT NULL COMMENT '纠纷/打架/讨薪类警情次数',
  `arrears_cnt` INT NOT NULL COMMENT '欠薪投诉次数',
  `key_arrears_cnt` INT NOT NULL COMMENT '其中重点欠薪案件',
  `source_cnt` INT NOT NULL COMMENT '出现的数据源数',
  `last_event_time` DATETIME NOT NULL COMMENT '最近一次事件时间',
  `top_factors` VARCHAR(900) NOT NULL COMMENT '主要风险因素 (因素 +分, 分数降序)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `person_key`)
COMMENT '人员风险评分 as of the end of the month: score 0-100, level 红/橙/黄/蓝 and the factors behind it'
DISTRIBUTED BY HASH(`person_key`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_arrears_key_case` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM (状态截至该月末)',
  `case_id` VARCHAR(192) NOT NULL COMMENT '案件编号',
  `report_date` DATE NOT NULL COMMENT '登记日期',
  `company_name` VARCHAR(300) NOT NULL COMMENT '欠薪单位',
  `project_name` VARCHAR(300) NULL COMMENT '项目名称',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `worker_count` INT NOT NULL COMMENT '涉及人数',
  `amount_yuan` DECIMAL(16, 2) NOT NULL COMMENT '涉及金额 (元)',
  `status` VARCHAR(96) NOT NULL COMMENT '月末状态 OPEN/IN_PROGRESS/RESOLVED',
  `days_unresolved` INT NULL COMMENT '截至月末未化解天数 (已化解为空)',
  `is_many_workers` TINYINT NOT NULL COMMENT '涉及人数过多',
  `is_large_amount` TINYINT NOT NULL COMMENT '涉及金额过大',
  `is_long_unresolved` TINYINT NOT NULL COMMENT '久拖未决',
  `is_repeat_petition` TINYINT NOT NULL COMMENT '同一单位重复信访',
  `company_petition_cnt` INT NOT NULL COMMENT '窗口内涉及该单位的信访件次',
  `reasons` VARCHAR(600) NOT NULL COMMENT '重点原因',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `case_id`)
COMMENT '清欠重点案件 active in the month: too many workers, too much money, unresolved too long, repeat petitions'
DISTRIBUTED BY HASH(`case_id`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_arrears_street_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `case_cnt` INT NOT NULL COMMENT '在办案件数 (本月新登记或月初未化解)',
  `new_case_cnt` INT NOT NULL COMMENT '本月新登记',
  `resolved_cnt` INT NOT NULL COMMENT '本月化解',
  `unresolved_cnt` INT NOT NULL COMMENT '月末未化解',
  `key_case_cnt` INT NOT NULL COMMENT '重点案件数',
  `worker_cnt` INT NOT NULL COMMENT '涉及人数',
  `amount_yuan` DECIMAL(18, 2) NOT NULL COMMENT '涉及金额 (元)',
  `key_amount_yuan` DECIMAL(18, 2) NOT NULL COMMENT '重点案件金额 (元)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `street_code`)
COMMENT '清欠 by street and month: active cases, new cases, key cases, workers and money'
DISTRIBUTED BY HASH(`street_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_arrears_company_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `company_name` VARCHAR(300) NOT NULL COMMENT '欠薪单位',
  `case_cnt` INT NOT NULL COMMENT '在办案件数',
  `new_case_cnt` INT NOT NULL COMMENT '本月新登记',
  `unresolved_cnt` INT NOT NULL COMMENT '月末未化解',
  `key_case_cnt` INT NOT NULL COMMENT '重点案件数',
  `worker_cnt` INT NOT NULL COMMENT '涉及人数',
  `amount_yuan` DECIMAL(18, 2) NOT NULL COMMENT '涉及金额 (元)',
  `petition_cnt` INT NOT NULL COMMENT '窗口内涉及该单位的信访件次',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `company_name`)
COMMENT '清欠 by company and month: cases, key cases, workers, money and petitions about the company'
DISTRIBUTED BY HASH(`company_name`) BUCKETS 2
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_hotline_problem_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `category_name` VARCHAR(192) NOT NULL COMMENT '分类名称',
  `accepted_cnt` INT NOT NULL COMMENT '受理量 (calls)',
  `problem_cnt` INT NOT NULL COMMENT '诉求数 (distinct problems: master ids)',
  `duplicate_cnt` INT NOT NULL COMMENT '重复来电 accepted − problems',
  `duplicate_rate` DECIMAL(6, 4) NOT NULL COMMENT '重复率 duplicate/accepted',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `street_code`, `category_code`)
COMMENT '12345 受理量 vs 诉求数 and 重复率 by month, street and category'
DISTRIBUTED BY HASH(`street_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_hotline_top_problem_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '月份 yyyy-MM',
  `problem_rank` INT NOT NULL COMMENT '排名 (来电数降序, 主工单编号)',
  `master_case_id` VARCHAR(192) NOT NULL COMMENT '主工单编号 (the chain''s earliest record)',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `category_name` VARCHAR(192) NOT NULL COMMENT '分类名称',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码 (of the month''s first call)',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `call_cnt` INT NOT NULL COMMENT '本月来电数',
  `first_accept_time` DATETIME NOT NULL COMMENT '本月首次来电',
  `last_accept_time` DATETIME NOT NULL COMMENT '本月最近来电',
  `is_closed` TINYINT NOT NULL COMMENT '最近一次来电已办结',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `problem_rank`)
COMMENT '12345 top merged problems of the month (重复来电 chains by calls)'
DISTRIBUTED BY HASH(`stat_month`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dwd_person_link` (
  `phone_key` VARCHAR(192) NOT NULL COMMENT '电话 salted hash',
  `evidence_id` VARCHAR(288) NOT NULL COMMENT 'source:record id of the record that carried the phone',
  `source` VARCHAR(96) NOT NULL COMMENT '来源 HOTLINE/PETITION/ARREARS/POLICE',
  `person_key` VARCHAR(192) NULL COMMENT 'the ID card''s salted hash in the same record (empty: the phone alone)',
  `name_key` VARCHAR(192) NULL COMMENT 'salted hash of the name, simplified and without spaces (evidence only)',
  `seen_time` DATETIME NOT NULL COMMENT 'event time of the record'
)
UNIQUE KEY(`phone_key`, `evidence_id`)
COMMENT '人员关联证据 phone ↔ person evidence, one row per record with a phone; links are decided from it'
DISTRIBUTED BY HASH(`phone_key`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "bloom_filter_columns" = "person_key"
);

CREATE TABLE IF NOT EXISTS `dws_person_event` (
  `person_key` VARCHAR(192) NOT NULL COMMENT '人员 salted hash (ID card''s, else the phone''s)',
  `source` VARCHAR(96) NOT NULL COMMENT '来源 PETITION/HOTLINE/POLICE/ARREARS/GRID',
  `record_id` VARCHAR(288) NOT NULL COMMENT '记录编号 in its source table',
  `event_time` DATETIME NOT NULL COMMENT '事件时间',
  `name_masked` VARCHAR(192) NULL COMMENT '姓名 (masked)',
  `id_card_masked` VARCHAR(96) NULL COMMENT '身份证号 (masked)',
  `grid_code` VARCHAR(96) NULL COMMENT '网格编码 (12345 and grid records; others are placed by their point)',
  `latitude` DOUBLE NULL COMMENT '纬度',
  `longitude` DOUBLE NULL COMMENT '经度',
  `category_code` VARCHAR(96) NULL COMMENT '二级分类编码 or 警情类别',
  `status` VARCHAR(96) NULL COMMENT '状态 (source''s own)',
  `company_name` VARCHAR(300) NULL COMMENT '涉及单位',
  `summary` VARCHAR(600) NULL COMMENT '摘要: the first characters of the source''s redacted text'
)
UNIQUE KEY(`person_key`, `source`, `record_id`)
COMMENT '人员事件索引 every record naming a person, by person key: source, time, place, status, company'
DISTRIBUTED BY HASH(`person_key`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ods_case_event` (
  `event_id` VARCHAR(192) NOT NULL COMMENT '事件流转编号 (producer''s, deterministic)',
  `event_date` DATE NOT NULL COMMENT '流转日期 (partition)',
  `case_id` VARCHAR(192) NOT NULL COMMENT '事件编号',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `origin` VARCHAR(96) NOT NULL COMMENT '来源 case-service/hotline',
  `event_type` VARCHAR(96) NOT NULL COMMENT 'CREATED/ASSIGNED/PROCESSED/REVIEWED/APPROVED/REJECTED/CLOSED/SUPERVISED...',
  `event_time` DATETIME NOT NULL COMMENT '流转时间',
  `deadline` DATETIME NULL COMMENT '办理时限',
  `step` VARCHAR(96) NULL COMMENT '流转后所处环节',
  `channel` VARCHAR(96) NULL COMMENT '上报渠道',
  `category_code` VARCHAR(96) NULL COMMENT '二级分类编码',
  `grid_code` VARCHAR(96) NULL COMMENT '网格编码',
  `street_code` VARCHAR(96) NULL COMMENT '街道编码',
  `department_code` VARCHAR(96) NULL COMMENT '承办部门编码',
  `self_handled` TINYINT NULL COMMENT '自行处理',
  `dispute` TINYINT NULL COMMENT '矛盾纠纷',
  `note` VARCHAR(1500) NULL COMMENT '意见 (PII redacted)'
)
UNIQUE KEY(`event_id`, `event_date`)
COMMENT '事件流转 case lifecycle events from case.events, as received (notes PII-redacted by the producer)'
PARTITION BY RANGE(`event_date`) ()
DISTRIBUTED BY HASH(`event_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dwd_case` (
  `case_id` VARCHAR(192) NOT NULL COMMENT '事件编号',
  `report_date` DATE NOT NULL COMMENT '上报日期 (partition)',
  `report_month` VARCHAR(21) NOT NULL COMMENT '上报月份 yyyy-MM',
  `origin` VARCHAR(96) NOT NULL COMMENT '来源',
  `channel` VARCHAR(96) NULL COMMENT '上报渠道',
  `category_code` VARCHAR(96) NULL COMMENT '二级分类编码',
  `grid_code` VARCHAR(96) NULL COMMENT '网格编码',
  `community_code` VARCHAR(96) NULL COMMENT '社区编码',
  `street_code` VARCHAR(96) NULL COMMENT '街道编码',
  `department_code` VARCHAR(96) NULL COMMENT '承办部门编码',
  `status` VARCHAR(96) NOT NULL COMMENT 'OPEN/CLOSED/DISPUTE (转矛盾纠纷)',
  `reported_time` DATETIME NOT NULL COMMENT '上报时间',
  `dispatched_time` DATETIME NULL COMMENT '首次分派时间',
  `closed_time` DATETIME NULL COMMENT '结案时间',
  `deadline` DATETIME NULL COMMENT '办理时限 (latest)',
  `dispatch_minutes` BIGINT NULL COMMENT '上报→分派 minutes',
  `handle_minutes` BIGINT NULL COMMENT '分派→处理 minutes (all passes)',
  `verify_minutes` BIGINT NULL COMMENT '处理→复核 minutes (all passes)',
  `review_minutes` BIGINT NULL COMMENT '复核→审查 minutes (all passes)',
  `total_minutes` BIGINT NULL COMMENT '上报→结案 minutes',
  `rejected_cnt` INT NOT NULL COMMENT '驳回次数',
  `supervised_cnt` INT NOT NULL COMMENT '督办次数',
  `event_cnt` INT NOT NULL COMMENT 'events folded into this row',
  `is_self_handled` TINYINT NOT NULL COMMENT '自行处理',
  `is_dispute` TINYINT NOT NULL COMMENT '转矛盾纠纷',
  `is_closed` TINYINT NOT NULL COMMENT '已结案',
  `is_overdue` TINYINT NOT NULL COMMENT '超期 (结案晚于时限, 或未结案而最后一个事件已晚于时限)',
  `satisfaction` VARCHAR(96) NULL COMMENT '回访满意度 SATISFIED/BASICALLY_SATISFIED/DISSATISFIED (latest 回访; NULL before)',
  `response_level` VARCHAR(96) NULL COMMENT '响应等级 (接诉即办, latest stated)',
  `response_deadline` DATETIME NULL COMMENT '响应时限 first contact due (latest stated)',
  `first_response_time` DATETIME NULL COMMENT '首次响应时间 (earliest RESPONDED)',
  `responded_on_time` TINYINT NULL COMMENT '按时响应 1/0 (NULL: no response deadline, or not responded and not yet due)',
  `resolved_on_time` TINYINT NULL COMMENT '按时解决 结案不晚于办理时限 1/0 (NULL: no deadline, or open and not yet due)',
  `master_case_id` VARCHAR(192) NULL COMMENT '合并到的主事件 (NULL when not merged or after 取消合并)',
  `is_merged` TINYINT NOT NULL COMMENT '合并为重复事件 (master_case_id set)',
  `last_event_time` DATETIME NOT NULL COMMENT 'latest event folded in'
)
UNIQUE KEY(`case_id`, `report_date`)
COMMENT '事件明细 one row per case-service case: where, who, the step durations, 驳回/督办 counts, overdue, 接诉即办 response and merge'
PARTITION BY RANGE(`report_date`) ()
DISTRIBUTED BY HASH(`case_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `ads_case_department_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '上报月份 yyyy-MM',
  `department_code` VARCHAR(96) NOT NULL COMMENT '承办部门编码 (SELF = 自行处理)',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `case_cnt` INT NOT NULL COMMENT '事件数',
  `closed_cnt` INT NOT NULL COMMENT '已结案',
  `handle_p50_minutes` DECIMAL(12, 1) NULL COMMENT '处理时长 p50 (minutes, closed cases)',
  `handle_p90_minutes` DECIMAL(12, 1) NULL COMMENT '处理时长 p90 (minutes, closed cases)',
  `on_time_rate` DECIMAL(6, 4) NULL COMMENT '按期结案率 (closed cases not overdue / closed)',
  `rejected_rate` DECIMAL(6, 4) NOT NULL COMMENT '驳回率 (cases rejected at least once / cases)',
  `supervised_cnt` INT NOT NULL COMMENT '督办次数',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `department_code`, `category_code`)
COMMENT '部门绩效 department performance from case-service cases, by month, department and category'
DISTRIBUTED BY HASH(`department_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_case_response_month` (
  `stat_month` VARCHAR(21) NOT NULL COMMENT '上报月份 yyyy-MM',
  `dim_type` VARCHAR(96) NOT NULL COMMENT 'DEPARTMENT/STREET',
  `dim_code` VARCHAR(96) NOT NULL COMMENT '部门编码 (SELF = 自行处理) 或 街道编码',
  `dim_name` VARCHAR(192) NOT NULL COMMENT '部门或街道名称 (部门: its code)',
  `case_cnt` INT NOT NULL COMMENT '事件数 (not merged)',
  `response_due_cnt` INT NOT NULL COMMENT '可考核响应数 (responded, or the response deadline passed)',
  `responded_on_time_cnt` INT NOT NULL COMMENT '按时响应',
  `response_rate` DECIMAL(6, 4) NULL COMMENT '响应率 on time / due',
  `resolve_due_cnt` INT NOT NULL COMMENT '可考核解决数 (closed, or the deadline passed)',
  `resolved_on_time_cnt` INT NOT NULL COMMENT '按时解决',
  `resolve_rate` DECIMAL(6, 4) NULL COMMENT '解决率 on time / due',
  `visited_cnt` INT NOT NULL COMMENT '回访数',
  `satisfied_cnt` INT NOT NULL COMMENT '满意+基本满意',
  `satisfaction_rate` DECIMAL(6, 4) NULL COMMENT '满意率 satisfied / visited',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`stat_month`, `dim_type`, `dim_code`)
COMMENT '接诉即办 响应率/解决率/满意率 by month and department or street (case-service cases)'
DISTRIBUTED BY HASH(`dim_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dwd_grid_attendance` (
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号',
  `work_date` DATE NOT NULL COMMENT '考勤日期 = check-in date (partition)',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `check_in_time` DATETIME NOT NULL COMMENT '签到时间',
  `check_out_time` DATETIME NULL COMMENT '签退时间 (NULL: no check-out)',
  `check_in_lat` DOUBLE NOT NULL COMMENT '签到纬度',
  `check_in_lon` DOUBLE NOT NULL COMMENT '签到经度',
  `is_missing_checkout` TINYINT NOT NULL COMMENT '未签退 (check_out_time NULL)',
  `is_off_grid_checkin` TINYINT NOT NULL COMMENT '签到位置不在本人网格内 (JTS point-in-polygon)'
)
UNIQUE KEY(`worker_id`, `work_date`)
COMMENT '考勤 one row per grid worker and day: check-in and check-out, missing check-out, off-grid check-in'
PARTITION BY RANGE(`work_date`) ()
DISTRIBUTED BY HASH(`worker_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dwd_grid_patrol` (
  `patrol_id` VARCHAR(192) NOT NULL COMMENT '巡查记录编号 (record_id)',
  `patrol_date` DATE NOT NULL COMMENT '巡查日期 = start date (partition)',
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `start_time` DATETIME NOT NULL COMMENT '开始时间 (first fix)',
  `end_time` DATETIME NOT NULL COMMENT '结束时间 (last fix)',
  `duration_min` INT NOT NULL COMMENT '时长 minutes',
  `distance_m` INT NOT NULL COMMENT '里程 metres (haversine between fixes)',
  `point_count` INT NOT NULL COMMENT '轨迹点数',
  `coverage_ratio` DOUBLE NOT NULL COMMENT '网格覆盖率 area(buffer(track, 30 m) ∩ grid) / area(grid), 0..1',
  `max_speed_kmh` DOUBLE NOT NULL COMMENT '最高速度 km/h between two fixes',
  `jump_count` INT NOT NULL COMMENT '跳点数 segments faster than 120 km/h',
  `is_fake_jump` TINYINT NOT NULL COMMENT '虚假巡查跳点 (jump_count > 0)'
)
UNIQUE KEY(`patrol_id`, `patrol_date`)
COMMENT '巡查轨迹 one row per tracked patrol: duration, distance, grid coverage, top speed, jumps'
PARTITION BY RANGE(`patrol_date`) ()
DISTRIBUTED BY HASH(`patrol_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dwd_grid_visit` (
  `visit_id` VARCHAR(192) NOT NULL COMMENT '走访记录编号 (record_id)',
  `visit_date` DATE NOT NULL COMMENT '走访日期 (partition)',
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `person_key` VARCHAR(192) NULL COMMENT '走访对象 salted hash',
  `visit_time` DATETIME NOT NULL COMMENT '走访时间'
)
UNIQUE KEY(`visit_id`, `visit_date`)
COMMENT '入户走访 one row per household visit; the resident as salted person key'
PARTITION BY RANGE(`visit_date`) ()
DISTRIBUTED BY HASH(`visit_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dwd_grid_mediation` (
  `mediation_id` VARCHAR(192) NOT NULL COMMENT '调处记录编号 (record_id)',
  `mediation_date` DATE NOT NULL COMMENT '调处日期 (partition)',
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `dispute_type` VARCHAR(96) NOT NULL COMMENT '纠纷类型 NEIGHBOURHOOD/FAMILY/PROPERTY_SERVICE/LABOUR/LAND/CONSUMER/OTHER',
  `outcome` VARCHAR(96) NOT NULL COMMENT '调处结果 RESOLVED/PARTLY/FAILED',
  `mediation_time` DATETIME NOT NULL COMMENT '调处时间'
)
UNIQUE KEY(`mediation_id`, `mediation_date`)
COMMENT '矛盾调处 one row per dispute mediated by a grid worker, with its outcome'
PARTITION BY RANGE(`mediation_date`) ()
DISTRIBUTED BY HASH(`mediation_id`) BUCKETS 4
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "4",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dwd_grid_report` (
  `record_id` VARCHAR(192) NOT NULL COMMENT '上报记录编号',
  `record_date` DATE NOT NULL COMMENT '上报日期 (partition)',
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `category_code` VARCHAR(96) NOT NULL COMMENT '二级分类编码',
  `is_hidden_danger` TINYINT NOT NULL COMMENT '安全隐患 (category in CategoryCatalog.isHiddenDanger)',
  `record_time` DATETIME NOT NULL COMMENT '上报时间'
)
UNIQUE KEY(`record_id`, `record_date`)
COMMENT '网格员事件上报 one row per report, with whether its category is a 安全隐患'
PARTITION BY RANGE(`record_date`) ()
DISTRIBUTED BY HASH(`record_id`) BUCKETS 8
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true",
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "MONTH",
  "dynamic_partition.start" = "-36",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p",
  "dynamic_partition.buckets" = "8",
  "dynamic_partition.create_history_partition" = "true",
  "dynamic_partition.replication_allocation" = "tag.location.default: 3"
);

CREATE TABLE IF NOT EXISTS `dim_assessment_rule` (
  `rule_version` INT NOT NULL COMMENT '规则版本 (per level and scope)',
  `level` VARCHAR(96) NOT NULL COMMENT '考核层级 GRID_WORKER/COMMUNITY/STREET/DEPARTMENT',
  `scope_code` VARCHAR(96) NOT NULL COMMENT '规则范围: 区县编码 (区级规则) 或街道编码 (该街道的社区/网格员规则, 覆盖区级)',
  `item_code` VARCHAR(96) NOT NULL COMMENT '考核项 EVENTS_REPORTED/EVENTS_HANDLED/HIDDEN_DANGERS/SATISFACTION/ATTENDANCE/PATROL_DISTANCE_KM/PATROL_COVERAGE/VISITS/MEDIATIONS/OVERDUE_COUNT/REJECT_COUNT',
  `valid_from` DATE NOT NULL COMMENT '生效日期 (first day of a month)',
  `valid_to` DATE NULL COMMENT '失效日期 last valid day, inclusive (NULL = current)',
  `item_name` VARCHAR(192) NOT NULL COMMENT '考核项名称',
  `weight` DOUBLE NOT NULL COMMENT '分值 points of the item',
  `target` DOUBLE NOT NULL COMMENT '目标值 per month',
  `method` VARCHAR(96) NOT NULL COMMENT '计分方法 RATIO_TO_TARGET/INVERSE_COUNT/THRESHOLD',
  `direction` VARCHAR(300) NOT NULL COMMENT '计分说明'
)
UNIQUE KEY(`rule_version`, `level`, `scope_code`, `item_code`)
COMMENT '考核规则 assessment rule items per level, scope and version (weights of a version sum to 100)'
DISTRIBUTED BY HASH(`rule_version`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `dwd_manual_score` (
  `score_id` VARCHAR(96) NOT NULL COMMENT '打分编号 MS<n>',
  `month` VARCHAR(21) NOT NULL COMMENT '考核月份 yyyy-MM',
  `level` VARCHAR(96) NOT NULL COMMENT '考核层级',
  `subject_code` VARCHAR(96) NOT NULL COMMENT '考核对象 worker id / community / street / department code',
  `points` DOUBLE NOT NULL COMMENT '加减分 -20..+20',
  `reason` VARCHAR(600) NOT NULL COMMENT '理由 (ID and phone numbers masked)',
  `scored_by` VARCHAR(192) NOT NULL COMMENT '打分人 (staff account)',
  `scored_at` DATETIME NOT NULL COMMENT '打分时间'
)
UNIQUE KEY(`score_id`)
COMMENT '手工打分 leaders'' manual bonus/deduction points per month and subject'
DISTRIBUTED BY HASH(`score_id`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_grid_worker_assessment` (
  `month` VARCHAR(21) NOT NULL COMMENT '考核月份 yyyy-MM',
  `worker_id` VARCHAR(96) NOT NULL COMMENT '网格员编号 (W + 网格编码去区县前缀)',
  `grid_code` VARCHAR(96) NOT NULL COMMENT '网格编码',
  `community_code` VARCHAR(96) NOT NULL COMMENT '社区编码',
  `community_name` VARCHAR(192) NOT NULL COMMENT '社区名称',
  `street_code` VARCHAR(96) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(192) NOT NULL COMMENT '街道名称',
  `total_score` DECIMAL(7, 2) NOT NULL COMMENT '总分 (各项得分 + 手工分)',
  `rank` INT NOT NULL COMMENT '区内排名 (总分降序, 同分同名次)',
  `rule_version` INT NULL COMMENT '所用规则版本 (NULL: 当月无有效规则)',
  `rule_scope` VARCHAR(96) NULL COMMENT '所用规则范围: 区县编码 (区级) 或街道编码 (街道规则; NULL: 当月无有效规则)',
  `events_reported_raw` DOUBLE NULL COMMENT '上报事件数 原始值',
  `events_reported_points` DECIMAL(7, 2) NULL COMMENT '上报事件数 得分 (NULL: 规则无此项)',
  `events_handled_raw` DOUBLE NULL COMMENT '自行处置办结数 原始值',
  `events_handled_points` DECIMAL(7, 2) NULL COMMENT '自行处置办结数 得分 (NULL: 规则无此项)',
  `hidden_dangers_raw` DOUBLE NULL COMMENT '安全隐患上报数 原始值',
  `hidden_dangers_points` DECIMAL(7, 2) NULL COMMENT '安全隐患上报数 得分 (NULL: 规则无此项)',
  `satisfaction_raw` DOUBLE NULL COMMENT '回访满意率 原始值',
  `satisfaction_points` DECIMAL(7, 2) NULL COMMENT '回访满意率 得分 (NULL: 规则无此项)',
  `attendance_raw` DOUBLE NULL COMMENT '出勤率 (签到天数/工作日) 原始值',
  `attendance_points` DECIMAL(7, 2) NULL COMMENT '出勤率 (签到天数/工作日) 得分 (NULL: 规则无此项)',
  `patrol_distance_km_raw` DOUBLE NULL COMMENT '巡查里程 (公里) 原始值',
  `patrol_distance_km_points` DECIMAL(7, 2) NULL COMMENT '巡查里程 (公里) 得分 (NULL: 规则无此项)',
  `patrol_coverage_raw` DOUBLE NULL COMMENT '巡查覆盖率 (平均) 原始值',
  `patrol_coverage_points` DECIMAL(7, 2) NULL COMMENT '巡查覆盖率 (平均) 得分 (NULL: 规则无此项)',
  `visits_raw` DOUBLE NULL COMMENT '入户走访数 原始值',
  `visits_points` DECIMAL(7, 2) NULL COMMENT '入户走访数 得分 (NULL: 规则无此项)',
  `mediations_raw` DOUBLE NULL COMMENT '矛盾调处成功数 原始值',
  `mediations_points` DECIMAL(7, 2) NULL COMMENT '矛盾调处成功数 得分 (NULL: 规则无此项)',
  `overdue_count_raw` DOUBLE NULL COMMENT '超期事件数 原始值',
  `overdue_count_points` DECIMAL(7, 2) NULL COMMENT '超期事件数 得分 (NULL: 规则无此项)',
  `reject_count_raw` DOUBLE NULL COMMENT '驳回次数 原始值',
  `reject_count_points` DECIMAL(7, 2) NULL COMMENT '驳回次数 得分 (NULL: 规则无此项)',
  `manual_points` DECIMAL(7, 2) NOT NULL COMMENT '手工加减分合计',
  `anomaly_flags` VARCHAR(384) NULL COMMENT '异常 STAYS_IN_ONE_PLACE,FAKE_PATROL_JUMP,MISSING_CHECKOUT (逗号分隔; NULL: 无)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`month`, `worker_id`)
COMMENT '网格员月度考核: 各考核项原始值与得分, 手工加减分, 总分, 排名, 异常标记'
DISTRIBUTED BY HASH(`worker_id`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

CREATE TABLE IF NOT EXISTS `ads_unit_assessment` (
  `month` VARCHAR(21) NOT NULL COMMENT '考核月份 yyyy-MM',
  `level` VARCHAR(96) NOT NULL COMMENT 'COMMUNITY/STREET/DEPARTMENT',
  `unit_code` VARCHAR(96) NOT NULL COMMENT '社区/街道/部门编码',
  `unit_name` VARCHAR(192) NOT NULL COMMENT '名称 (部门: 编码)',
  `street_code` VARCHAR(96) NULL COMMENT '所属街道编码 (社区、街道; 部门 NULL)',
  `street_name` VARCHAR(192) NULL COMMENT '所属街道名称',
  `worker_cnt` INT NULL COMMENT '网格员数 (部门 NULL)',
  `total_score` DECIMAL(7, 2) NOT NULL COMMENT '总分 (各项得分 + 手工分)',
  `rank` INT NOT NULL COMMENT '同层级排名 (总分降序, 同分同名次)',
  `rule_version` INT NULL COMMENT '所用规则版本 (NULL: 当月无有效规则)',
  `rule_scope` VARCHAR(96) NULL COMMENT '所用规则范围: 区县编码 (区级) 或街道编码 (街道规则; NULL: 当月无有效规则)',
  `events_reported_raw` DOUBLE NULL COMMENT '上报事件数 原始值',
  `events_reported_points` DECIMAL(7, 2) NULL COMMENT '上报事件数 得分 (NULL: 规则无此项)',
  `events_handled_raw` DOUBLE NULL COMMENT '自行处置办结数 原始值',
  `events_handled_points` DECIMAL(7, 2) NULL COMMENT '自行处置办结数 得分 (NULL: 规则无此项)',
  `hidden_dangers_raw` DOUBLE NULL COMMENT '安全隐患上报数 原始值',
  `hidden_dangers_points` DECIMAL(7, 2) NULL COMMENT '安全隐患上报数 得分 (NULL: 规则无此项)',
  `satisfaction_raw` DOUBLE NULL COMMENT '回访满意率 原始值',
  `satisfaction_points` DECIMAL(7, 2) NULL COMMENT '回访满意率 得分 (NULL: 规则无此项)',
  `attendance_raw` DOUBLE NULL COMMENT '出勤率 (签到天数/工作日) 原始值',
  `attendance_points` DECIMAL(7, 2) NULL COMMENT '出勤率 (签到天数/工作日) 得分 (NULL: 规则无此项)',
  `patrol_distance_km_raw` DOUBLE NULL COMMENT '巡查里程 (公里) 原始值',
  `patrol_distance_km_points` DECIMAL(7, 2) NULL COMMENT '巡查里程 (公里) 得分 (NULL: 规则无此项)',
  `patrol_coverage_raw` DOUBLE NULL COMMENT '巡查覆盖率 (平均) 原始值',
  `patrol_coverage_points` DECIMAL(7, 2) NULL COMMENT '巡查覆盖率 (平均) 得分 (NULL: 规则无此项)',
  `visits_raw` DOUBLE NULL COMMENT '入户走访数 原始值',
  `visits_points` DECIMAL(7, 2) NULL COMMENT '入户走访数 得分 (NULL: 规则无此项)',
  `mediations_raw` DOUBLE NULL COMMENT '矛盾调处成功数 原始值',
  `mediations_points` DECIMAL(7, 2) NULL COMMENT '矛盾调处成功数 得分 (NULL: 规则无此项)',
  `overdue_count_raw` DOUBLE NULL COMMENT '超期事件数 原始值',
  `overdue_count_points` DECIMAL(7, 2) NULL COMMENT '超期事件数 得分 (NULL: 规则无此项)',
  `reject_count_raw` DOUBLE NULL COMMENT '驳回次数 原始值',
  `reject_count_points` DECIMAL(7, 2) NULL COMMENT '驳回次数 得分 (NULL: 规则无此项)',
  `manual_points` DECIMAL(7, 2) NOT NULL COMMENT '手工加减分合计',
  `flagged_worker_cnt` INT NULL COMMENT '有异常标记的网格员数 (部门 NULL)',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间'
)
UNIQUE KEY(`month`, `level`, `unit_code`)
COMMENT '社区/街道/部门月度考核: 各考核项原始值与得分, 总分, 排名'
DISTRIBUTED BY HASH(`unit_code`) BUCKETS 1
PROPERTIES (
  "replication_allocation" = "tag.location.default: 3",
  "enable_unique_key_merge_on_write" = "true"
);

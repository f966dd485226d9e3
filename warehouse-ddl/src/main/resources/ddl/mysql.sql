-- gridgov warehouse schema, mysql dialect.
-- Generated from org.gridgov.warehouse.WarehouseSchema; do not edit by hand (see warehouse-ddl/README.md).
CREATE DATABASE IF NOT EXISTS `gridgov`;
USE `gridgov`;

CREATE TABLE IF NOT EXISTS `dim_street` (
  `street_code` VARCHAR(32) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(64) NOT NULL COMMENT '街道名称',
  `district_code` VARCHAR(32) NOT NULL COMMENT '区县编码',
  `district_name` VARCHAR(64) NOT NULL COMMENT '区县名称',
  PRIMARY KEY (`street_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='街道/镇 streets and towns of the district';

CREATE TABLE IF NOT EXISTS `dim_community` (
  `community_code` VARCHAR(32) NOT NULL COMMENT '社区编码',
  `community_name` VARCHAR(64) NOT NULL COMMENT '社区名称',
  `street_code` VARCHAR(32) NOT NULL COMMENT '所属街道编码',
  PRIMARY KEY (`community_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='社区/村 communities and villages';

CREATE TABLE IF NOT EXISTS `dim_grid` (
  `grid_code` VARCHAR(32) NOT NULL COMMENT '网格编码',
  `grid_name` VARCHAR(64) NOT NULL COMMENT '网格名称',
  `community_code` VARCHAR(32) NOT NULL COMMENT '所属社区编码',
  `street_code` VARCHAR(32) NOT NULL COMMENT '所属街道编码',
  `boundary_wkt` MEDIUMTEXT NOT NULL COMMENT '边界 (WKT, WGS84)',
  PRIMARY KEY (`grid_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='网格 management grids with their boundary';

CREATE TABLE IF NOT EXISTS `dim_category` (
  `category_code` VARCHAR(32) NOT NULL COMMENT '二级分类编码',
  `category_name` VARCHAR(64) NOT NULL COMMENT '二级分类',
  `parent_code` VARCHAR(32) NOT NULL COMMENT '一级分类编码',
  `parent_name` VARCHAR(64) NOT NULL COMMENT '一级分类',
  `department` VARCHAR(64) NOT NULL COMMENT '责任部门',
  PRIMARY KEY (`category_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='事件分类 two-level case categories following 12345 platforms';

CREATE TABLE IF NOT EXISTS `ods_hotline_case` (
  `case_id` VARCHAR(64) NOT NULL COMMENT '工单编号',
  `accept_date` DATE NOT NULL COMMENT '受理日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `channel` VARCHAR(32) NOT NULL COMMENT '受理渠道',
  `category_code` VARCHAR(32) NOT NULL COMMENT '二级分类编码',
  `content` MEDIUMTEXT NOT NULL COMMENT '诉求内容',
  `caller_key` VARCHAR(64) NULL COMMENT '来电人 salted hash',
  `caller_name_masked` VARCHAR(64) NULL COMMENT '来电人 (masked)',
  `caller_phone_masked` VARCHAR(32) NULL COMMENT '来电号码 (masked)',
  `caller_id_card_masked` VARCHAR(32) NULL COMMENT '身份证号 (masked)',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `address` VARCHAR(200) NULL COMMENT '地址',
  `department` VARCHAR(64) NULL COMMENT '承办部门',
  `accept_time` DATETIME NOT NULL COMMENT '受理时间',
  `deadline` DATETIME NULL COMMENT '办理时限',
  `status` VARCHAR(32) NOT NULL COMMENT '状态',
  `reply_time` DATETIME NULL COMMENT '回复时间',
  `close_time` DATETIME NULL COMMENT '办结时间',
  `satisfaction` TINYINT NULL COMMENT '满意度 1-5',
  PRIMARY KEY (`case_id`, `accept_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='12345 热线工单, as received, PII protected';

CREATE TABLE IF NOT EXISTS `ods_petition` (
  `petition_id` VARCHAR(64) NOT NULL COMMENT '信访件编号',
  `petition_date` DATE NOT NULL COMMENT '信访日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `person_key` VARCHAR(64) NOT NULL COMMENT '信访人 salted hash',
  `person_name_masked` VARCHAR(64) NULL COMMENT '信访人 (masked)',
  `id_card_masked` VARCHAR(32) NULL COMMENT '身份证号 (masked)',
  `phone_masked` VARCHAR(32) NULL COMMENT '电话 (masked)',
  `form` VARCHAR(32) NOT NULL COMMENT '信访形式',
  `category_code` VARCHAR(32) NOT NULL COMMENT '二级分类编码',
  `content` MEDIUMTEXT NOT NULL COMMENT '诉求内容',
  `company_name` VARCHAR(100) NULL COMMENT '涉及单位',
  `group_size` INT NOT NULL COMMENT '人数 (>=5 为集体访)',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `petition_time` DATETIME NOT NULL COMMENT '信访时间',
  PRIMARY KEY (`petition_id`, `petition_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='信访件, as received, PII protected';

CREATE TABLE IF NOT EXISTS `ods_arrears_case` (
  `case_id` VARCHAR(64) NOT NULL COMMENT '案件编号',
  `report_date` DATE NOT NULL COMMENT '登记日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `company_name` VARCHAR(100) NOT NULL COMMENT '欠薪单位',
  `project_name` VARCHAR(100) NULL COMMENT '项目名称',
  `worker_count` INT NOT NULL COMMENT '涉及人数',
  `amount_yuan` DECIMAL(16, 2) NOT NULL COMMENT '涉及金额 (元)',
  `complainant_key` VARCHAR(64) NOT NULL COMMENT '投诉人 salted hash',
  `complainant_name_masked` VARCHAR(64) NULL COMMENT '投诉人 (masked)',
  `id_card_masked` VARCHAR(32) NULL COMMENT '身份证号 (masked)',
  `phone_masked` VARCHAR(32) NULL COMMENT '电话 (masked)',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `report_time` DATETIME NOT NULL COMMENT '登记时间',
  `status` VARCHAR(32) NOT NULL COMMENT '状态',
  `resolved_time` DATETIME NULL COMMENT '化解时间',
  PRIMARY KEY (`case_id`, `report_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='清欠/欠薪案件, as received, PII protected';

CREATE TABLE IF NOT EXISTS `ods_police_incident` (
  `incident_id` VARCHAR(64) NOT NULL COMMENT '警情编号',
  `report_date` DATE NOT NULL COMMENT '报警日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `incident_type` VARCHAR(32) NOT NULL COMMENT '警情类别',
  `person_key` VARCHAR(64) NULL COMMENT '当事人 salted hash',
  `person_name_masked` VARCHAR(64) NULL COMMENT '当事人 (masked)',
  `id_card_masked` VARCHAR(32) NULL COMMENT '身份证号 (masked)',
  `phone_masked` VARCHAR(32) NULL COMMENT '电话 (masked)',
  `content` MEDIUMTEXT NOT NULL COMMENT '简要警情',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `report_time` DATETIME NOT NULL COMMENT '报警时间',
  PRIMARY KEY (`incident_id`, `report_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='警情, as received, PII protected';

CREATE TABLE IF NOT EXISTS `ods_grid_record` (
  `record_id` VARCHAR(64) NOT NULL COMMENT '记录编号',
  `record_date` DATE NOT NULL COMMENT '记录日期 (partition)',
  `schema_version` INT NOT NULL COMMENT '记录版本',
  `kind` VARCHAR(32) NOT NULL COMMENT '类型 REPORT/PATROL/VISIT',
  `grid_code` VARCHAR(32) NOT NULL COMMENT '网格编码',
  `worker_id` VARCHAR(32) NOT NULL COMMENT '网格员编号',
  `person_key` VARCHAR(64) NULL COMMENT '走访对象 salted hash',
  `id_card_masked` VARCHAR(32) NULL COMMENT '身份证号 (masked)',
  `category_code` VARCHAR(32) NULL COMMENT '二级分类编码 (上报)',
  `content` MEDIUMTEXT NOT NULL COMMENT '内容',
  `latitude` DOUBLE NOT NULL COMMENT '纬度',
  `longitude` DOUBLE NOT NULL COMMENT '经度',
  `record_time` DATETIME NOT NULL COMMENT '记录时间',
  PRIMARY KEY (`record_id`, `record_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='网格员上报/巡查/走访记录, as received, PII protected';

CREATE TABLE IF NOT EXISTS `dwd_hotline_case` (
  `case_id` VARCHAR(64) NOT NULL COMMENT '工单编号',
  `accept_date` DATE NOT NULL COMMENT '受理日期 (partition)',
  `accept_month` VARCHAR(7) NOT NULL COMMENT '受理月份 yyyy-MM',
  `street_code` VARCHAR(32) NOT NULL COMMENT '街道编码',
  `community_code` VARCHAR(32) NOT NULL COMMENT '社区编码',
  `grid_code` VARCHAR(32) NOT NULL COMMENT '网格编码',
  `channel` VARCHAR(32) NOT NULL COMMENT '受理渠道',
  `category_code` VARCHAR(32) NOT NULL COMMENT '二级分类编码',
  `category_l1_code` VARCHAR(32) NOT NULL COMMENT '一级分类编码',
  `department` VARCHAR(64) NULL COMMENT '承办部门',
  `caller_key` VARCHAR(64) NULL COMMENT '来电人 salted hash',
  `accept_time` DATETIME NOT NULL COMMENT '受理时间',
  `deadline` DATETIME NULL COMMENT '办理时限',
  `status` VARCHAR(32) NOT NULL COMMENT '状态',
  `is_replied` TINYINT NOT NULL COMMENT '已回复',
  `is_closed` TINYINT NOT NULL COMMENT '已办结',
  `is_overdue` TINYINT NOT NULL COMMENT '超期 (办结晚于时限, 或未办结已过时限)',
  `satisfaction` TINYINT NULL COMMENT '满意度 1-5',
  `content` MEDIUMTEXT NOT NULL COMMENT '诉求内容',
  PRIMARY KEY (`case_id`, `accept_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='12345 工单明细, conformed to the district''s streets, communities, grids and categories';

CREATE TABLE IF NOT EXISTS `dlq_record` (
  `dlq_id` VARCHAR(64) NOT NULL COMMENT 'deterministic id: source position of the record',
  `source` VARCHAR(32) NOT NULL COMMENT '来源 (topic or file)',
  `record_key` VARCHAR(64) NULL COMMENT 'record id when it could be read',
  `error_field` VARCHAR(64) NOT NULL COMMENT 'first failing field',
  `reason` VARCHAR(1000) NOT NULL COMMENT 'all violations, field: reason',
  `payload` MEDIUMTEXT NOT NULL COMMENT 'the record as received, PII redacted',
  `received_time` DATETIME NOT NULL COMMENT 'when the record reached Kafka (its timestamp), so a replay writes the same row',
  PRIMARY KEY (`dlq_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='死信: records rejected on the way in, with the reason; payload has PII redacted';

CREATE TABLE IF NOT EXISTS `ads_hotline_street_month` (
  `stat_month` VARCHAR(7) NOT NULL COMMENT '月份 yyyy-MM',
  `street_code` VARCHAR(32) NOT NULL COMMENT '街道编码',
  `street_name` VARCHAR(64) NOT NULL COMMENT '街道名称',
  `accepted_cnt` INT NOT NULL COMMENT '受理量',
  `replied_cnt` INT NOT NULL COMMENT '回复数',
  `closed_cnt` INT NOT NULL COMMENT '办结数',
  `overdue_cnt` INT NOT NULL COMMENT '超期数',
  `close_rate` DECIMAL(6, 4) NOT NULL COMMENT '办结率',
  `updated_at` DATETIME NOT NULL COMMENT '计算时间',
  PRIMARY KEY (`stat_month`, `street_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='12345 受理量/回复数/办结数/超期数 by street and month';

CREATE TABLE IF NOT EXISTS `audit_ingest` (
  `batch_id` VARCHAR(64) NOT NULL COMMENT 'deterministic batch id: pipeline, source and input',
  `pipeline` VARCHAR(32) NOT NULL COMMENT 'datax-local, gateway-file, gateway-http or open311',
  `source` VARCHAR(32) NOT NULL COMMENT '来源系统 hotline/petition/arrears/police/grid',
  `input_name` VARCHAR(200) NOT NULL COMMENT 'file name, source table or HTTP window',
  `target` VARCHAR(64) NOT NULL COMMENT 'ODS table or Kafka topic the valid records went to',
  `started_time` DATETIME NOT NULL COMMENT 'batch start (district time)',
  `finished_time` DATETIME NOT NULL COMMENT 'batch end (district time)',
  `records_in` BIGINT NOT NULL COMMENT 'records read from the input',
  `records_loaded` BIGINT NOT NULL COMMENT 'records accepted and written (ODS upserts or raw topic)',
  `records_rejected` BIGINT NOT NULL COMMENT 'records rejected with a reason (dlq_record or dlq topic)',
  `duplicate_records` BIGINT NOT NULL COMMENT 'accepted records whose key repeated an earlier one (upserted onto one row)',
  `rows_verified` BIGINT NULL COMMENT 'distinct target rows plus dead letters read back afterwards; NULL if not checked',
  `status` VARCHAR(16) NOT NULL COMMENT 'OK, EMPTY, MISMATCH, LIMIT_EXCEEDED or FAILED',
  `message` VARCHAR(1000) NULL COMMENT 'why the status is not OK',
  `input_sha256` VARCHAR(64) NULL COMMENT 'SHA-256 of the input file, when the input is a file',
  PRIMARY KEY (`batch_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='入库对账 ingest reconciliation: records in = loaded + rejected, per batch or window';

CREATE TABLE IF NOT EXISTS `ads_alert_event` (
  `alert_id` VARCHAR(64) NOT NULL COMMENT 'deterministic alert id: rule + hash of what identifies the incident',
  `rule` VARCHAR(32) NOT NULL COMMENT '规则 repeat_petition/group_petition/repeat_call/cross_source/escalation/case_due_soon/case_overdue/case_overdue_escalated',
  `level` VARCHAR(32) NOT NULL COMMENT '等级 RED/ORANGE/YELLOW/BLUE',
  `level_label` VARCHAR(8) NOT NULL COMMENT '等级 红/橙/黄/蓝',
  `subject_type` VARCHAR(32) NOT NULL COMMENT 'PERSON (salted key), COMPANY or CASE',
  `subject_key` VARCHAR(64) NOT NULL COMMENT 'person key (never a clear ID), company name or case id',
  `evidence_ids` MEDIUMTEXT NOT NULL COMMENT 'evidence record ids, comma-separated, in event-time order',
  `evidence_count` INT NOT NULL COMMENT 'number of evidence records',
  `message` MEDIUMTEXT NOT NULL COMMENT '说明 for leaders, no clear PII',
  `event_time` DATETIME NOT NULL COMMENT 'event time at which the rule fired (district time)',
  `last_evidence_time` DATETIME NOT NULL COMMENT 'event time of the latest evidence',
  `version` INT NOT NULL COMMENT '1 when raised, +1 per update with new evidence or a higher level',
  PRIMARY KEY (`alert_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='预警 alerts for leaders: rule, level, subject (hashed person key, company or case) and evidence';

CREATE TABLE IF NOT EXISTS `audit_alert_push` (
  `alert_id` VARCHAR(64) NOT NULL COMMENT 'alert id',
  `channel` VARCHAR(32) NOT NULL COMMENT 'dingtalk or wecom',
  `status` VARCHAR(32) NOT NULL COMMENT 'SENDING (claimed, push in flight), SENT, QUEUED (rate-limited, waits for a digest), DIGESTED (sent in a digest), FAILED',
  `rule` VARCHAR(32) NOT NULL COMMENT '规则',
  `level` VARCHAR(32) NOT NULL COMMENT '等级',
  `title` VARCHAR(200) NOT NULL COMMENT 'one-line summary used in digests, no PII',
  `message_id` VARCHAR(64) NULL COMMENT 'id of the push (digest id when pushed in a digest)',
  `attempts` INT NOT NULL COMMENT 'push attempts so far',
  `http_status` INT NULL COMMENT 'HTTP status of the last attempt',
  `response` VARCHAR(500) NULL COMMENT 'robot response or error of the last attempt',
  `updated_at` DATETIME NOT NULL COMMENT 'wall-clock time of the last change',
  PRIMARY KEY (`alert_id`, `channel`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='预警推送日志 webhook pushes (DingTalk/WeCom) per alert, the dedup memory across restarts';

CREATE TABLE IF NOT EXISTS `dlq_alert_input` (
  `input_id` VARCHAR(64) NOT NULL COMMENT 'source position topic:partition:offset, the same id as dlq_record for raw records',
  `kind` VARCHAR(32) NOT NULL COMMENT 'INVALID or LATE',
  `source` VARCHAR(32) NOT NULL COMMENT 'topic',
  `record_key` VARCHAR(64) NULL COMMENT 'record id when it could be read (PII redacted)',
  `reason` VARCHAR(1000) NOT NULL COMMENT 'why, PII redacted',
  `event_time` DATETIME NULL COMMENT 'event time of a late event',
  `watermark_time` DATETIME NULL COMMENT 'watermark when a late event arrived',
  `received_time` DATETIME NOT NULL COMMENT 'Kafka timestamp of the record',
  PRIMARY KEY (`input_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='alert job inputs rejected (INVALID) or too late (LATE), counted and kept with the reason';

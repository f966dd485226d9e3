-- Case service schema (MySQL 8 / MariaDB 10.6+). Times are district time (Asia/Shanghai), written by the service.

CREATE TABLE department (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(64)  NOT NULL,
  street_code VARCHAR(32)  NULL COMMENT 'set for street offices (街道办), NULL for district departments',
  UNIQUE KEY uk_department_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE app_user (
  username        VARCHAR(64)  NOT NULL PRIMARY KEY,
  display_name    VARCHAR(64)  NOT NULL,
  password_hash   VARCHAR(100) NOT NULL COMMENT 'bcrypt',
  role            VARCHAR(16)  NOT NULL COMMENT 'GRID_WORKER, COMMAND_CENTER, DEPARTMENT, GRID_CENTER, LEADER, ADMIN',
  scope_code      VARCHAR(32)  NOT NULL COMMENT 'district, street, community or grid code; a prefix of the grid codes it covers',
  department_code VARCHAR(32)  NULL,
  enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_attempts INT          NOT NULL DEFAULT 0,
  locked_until    DATETIME     NULL,
  created_at      DATETIME     NOT NULL,
  CONSTRAINT fk_user_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE api_token (
  token_hash  CHAR(64)    NOT NULL PRIMARY KEY COMMENT 'SHA-256 of the bearer token; the token itself is never stored',
  username    VARCHAR(64) NOT NULL,
  created_at  DATETIME    NOT NULL,
  expires_at  DATETIME    NOT NULL,
  KEY idx_token_user (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 审批配置: a workflow is an ordered list of steps, each done by one role within a time limit.
CREATE TABLE wf_definition (
  code        VARCHAR(32) NOT NULL PRIMARY KEY,
  name        VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE wf_step (
  workflow_code          VARCHAR(32) NOT NULL,
  step_order             INT         NOT NULL,
  step_code              VARCHAR(32) NOT NULL,
  step_name              VARCHAR(32) NOT NULL,
  role                   VARCHAR(16) NOT NULL,
  time_limit_hours       INT         NOT NULL,
  reject_to_step         VARCHAR(32) NULL COMMENT 'step a 驳回 returns the case to; NULL = cannot reject here',
  skip_when_self_handled BOOLEAN     NOT NULL DEFAULT FALSE COMMENT '自行处理 cases skip this step',
  PRIMARY KEY (workflow_code, step_order),
  UNIQUE KEY uk_wf_step_code (workflow_code, step_code),
  CONSTRAINT fk_step_workflow FOREIGN KEY (workflow_code) REFERENCES wf_definition (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Which workflow and overall time limit a category uses; category_code '*' is the default.
CREATE TABLE category_workflow (
  category_code    VARCHAR(16) NOT NULL PRIMARY KEY,
  workflow_code    VARCHAR(32) NOT NULL,
  time_limit_hours INT         NOT NULL,
  CONSTRAINT fk_catwf_workflow FOREIGN KEY (workflow_code) REFERENCES wf_definition (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 智能分拨 rules: a level-1 or level-2 category code, optionally one street, to a department.
CREATE TABLE dispatch_rule (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_code   VARCHAR(16) NOT NULL,
  street_code     VARCHAR(32) NULL,
  department_code VARCHAR(32) NOT NULL,
  priority        INT         NOT NULL COMMENT 'higher wins; equal priorities are split by current workload',
  KEY idx_rule_category (category_code),
  CONSTRAINT fk_rule_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE case_record (
  id               VARCHAR(40)  NOT NULL PRIMARY KEY,
  title            VARCHAR(100) NOT NULL,
  description      TEXT         NOT NULL,
  channel          VARCHAR(24)  NOT NULL,
  category_code    VARCHAR(16)  NOT NULL,
  category_name    VARCHAR(64)  NOT NULL,
  urgency          TINYINT      NOT NULL COMMENT '1 一般, 2 紧急, 3 特急',
  priority         INT          NOT NULL COMMENT 'urgency plus one per 督办',
  latitude         DECIMAL(9,6) NULL,
  longitude        DECIMAL(9,6) NULL,
  address          VARCHAR(200) NULL,
  grid_code        VARCHAR(32)  NOT NULL,
  street_code      VARCHAR(32)  NOT NULL,
  reporter_name    VARCHAR(64)  NULL,
  reporter_phone   VARCHAR(32)  NULL COMMENT 'operational contact; masked in lists, never published in events',
  workflow_code    VARCHAR(32)  NOT NULL,
  current_step     VARCHAR(32)  NOT NULL,
  pending_role     VARCHAR(16)  NULL COMMENT 'role that must act now; NULL once closed',
  status           VARCHAR(16)  NOT NULL COMMENT 'OPEN, CLOSED',
  department_code  VARCHAR(32)  NULL,
  self_handled     BOOLEAN      NOT NULL DEFAULT FALSE,
  dispute          BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'converted to 矛盾纠纷',
  supervised_count INT          NOT NULL DEFAULT 0,
  step_due_at      DATETIME     NOT NULL,
  due_at           DATETIME     NOT NULL,
  created_by       VARCHAR(64)  NOT NULL,
  created_at       DATETIME     NOT NULL,
  updated_at       DATETIME     NOT NULL,
  closed_at        DATETIME     NULL,
  version          INT          NOT NULL DEFAULT 0,
  -- todo lists: role + area prefix, or role + department
  KEY idx_case_todo_area (pending_role, grid_code),
  KEY idx_case_todo_dept (department_code, pending_role),
  KEY idx_case_area_created (grid_code, created_at),
  KEY idx_case_category (category_code, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Full history: one row per step taken, with who, from where and why.
CREATE TABLE case_step (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id    VARCHAR(40)  NOT NULL,
  action     VARCHAR(24)  NOT NULL,
  from_step  VARCHAR(32)  NULL,
  to_step    VARCHAR(32)  NOT NULL,
  actor      VARCHAR(64)  NOT NULL,
  actor_role VARCHAR(16)  NOT NULL,
  note       VARCHAR(1000) NULL,
  at         DATETIME     NOT NULL,
  KEY idx_step_case (case_id, id),
  KEY idx_step_actor (actor, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE dispatch_decision (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id         VARCHAR(40)  NOT NULL,
  department_code VARCHAR(32)  NOT NULL,
  suggested       BOOLEAN      NOT NULL COMMENT 'TRUE = the rules chose it, FALSE = the command centre overrode',
  reason          VARCHAR(1000) NOT NULL,
  decided_by      VARCHAR(64)  NOT NULL,
  at              DATETIME     NOT NULL,
  KEY idx_dispatch_case (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE attachment (
  id           VARCHAR(40)  NOT NULL PRIMARY KEY,
  owner_type   VARCHAR(8)   NOT NULL COMMENT 'CASE or TASK',
  owner_id     VARCHAR(40)  NOT NULL,
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  storage_key  VARCHAR(200) NOT NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  at           DATETIME     NOT NULL,
  KEY idx_attachment_owner (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 任务下发: to an organisation (area code), a department or a person.
CREATE TABLE task (
  id            VARCHAR(40)  NOT NULL PRIMARY KEY,
  title         VARCHAR(100) NOT NULL,
  content       TEXT         NOT NULL,
  assignee_type VARCHAR(16)  NOT NULL COMMENT 'AREA, DEPARTMENT, PERSON',
  assignee_code VARCHAR(64)  NOT NULL,
  area_code     VARCHAR(32)  NOT NULL COMMENT 'scope the task belongs to (issuer''s scope or the target area)',
  urgency       TINYINT      NOT NULL,
  deadline      DATETIME     NOT NULL,
  status        VARCHAR(16)  NOT NULL COMMENT 'ISSUED, SUBMITTED, APPROVED, REJECTED',
  result        TEXT         NULL,
  review_note   VARCHAR(1000) NULL,
  created_by    VARCHAR(64)  NOT NULL,
  created_at    DATETIME     NOT NULL,
  updated_at    DATETIME     NOT NULL,
  KEY idx_task_assignee (assignee_type, assignee_code, status),
  KEY idx_task_creator (created_by, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE task_step (
  id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  task_id  VARCHAR(40)  NOT NULL,
  action   VARCHAR(16)  NOT NULL,
  actor    VARCHAR(64)  NOT NULL,
  note     VARCHAR(1000) NULL,
  at       DATETIME     NOT NULL,
  KEY idx_task_step (task_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE notification (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username  VARCHAR(64)  NULL COMMENT 'a person, or NULL with department_code for a whole department',
  department_code VARCHAR(32) NULL,
  kind      VARCHAR(16)  NOT NULL COMMENT 'SUPERVISION, TASK, REJECTED',
  ref_id    VARCHAR(40)  NOT NULL,
  message   VARCHAR(500) NOT NULL,
  created_at DATETIME    NOT NULL,
  read_at   DATETIME     NULL,
  KEY idx_notification_user (username, read_at),
  KEY idx_notification_dept (department_code, read_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who changed what, when and from where; also refused attempts (outcome DENIED).
CREATE TABLE audit_log (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME     NOT NULL,
  username    VARCHAR(64)  NOT NULL,
  action      VARCHAR(32)  NOT NULL,
  target_type VARCHAR(16)  NOT NULL,
  target_id   VARCHAR(64)  NULL,
  outcome     VARCHAR(8)   NOT NULL COMMENT 'OK or DENIED',
  detail      VARCHAR(1000) NULL,
  remote_addr VARCHAR(64)  NULL,
  KEY idx_audit_target (target_type, target_id),
  KEY idx_audit_user (username, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka afterwards.
CREATE TABLE outbox_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id     VARCHAR(64)  NOT NULL,
  topic        VARCHAR(64)  NOT NULL,
  msg_key      VARCHAR(64)  NOT NULL,
  payload      TEXT         NOT NULL,
  created_at   DATETIME     NOT NULL,
  published_at DATETIME     NULL,
  attempts     INT          NOT NULL DEFAULT 0,
  last_error   VARCHAR(500) NULL,
  UNIQUE KEY uk_outbox_event (event_id),
  KEY idx_outbox_pending (published_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

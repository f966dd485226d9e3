-- 待办 with a million stored cases: the lists are read in (priority DESC, step_due_at) order, so the indexes hold
-- that order and the area or department; the list query reads ids from the index and fetches only the page's rows.
-- (Descending index parts need MySQL 8 / MariaDB 10.8.)
CREATE INDEX idx_case_todo_role_order ON case_record (pending_role, priority DESC, step_due_at, grid_code);
CREATE INDEX idx_case_todo_dept_order ON case_record (department_code, pending_role, priority DESC, step_due_at);
DROP INDEX idx_case_todo_dept ON case_record;

-- The web console (tariffcast serve): schedules switched off or on by an operator, overriding
-- config/application.yml's 'enabled: true' until switched back. Portable SQL (H2 2.x, PostgreSQL).
CREATE TABLE schedule_switch (
  schedule_name  VARCHAR(100)  NOT NULL PRIMARY KEY,
  enabled        BOOLEAN       NOT NULL,
  changed_by     VARCHAR(200),
  changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Published estimates a run's results are compared with (benchmarks: of study.yml, part of the
-- StudyDescription) and the benchmarked KPIs re-run with the main drivers at other values
-- (RunResult.reruns). A run stored before this migration has neither. Portable SQL (H2 2.x, PostgreSQL).
CREATE TABLE run_benchmark (
  run_id       BIGINT          NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER         NOT NULL,
  scenario     VARCHAR(200)    NOT NULL,
  metric       VARCHAR(40)     NOT NULL,
  breakdown    VARCHAR(100)    NOT NULL,
  time_window  VARCHAR(40)     NOT NULL,
  measure      VARCHAR(40)     NOT NULL,
  low_value    DOUBLE PRECISION NOT NULL,
  high_value   DOUBLE PRECISION NOT NULL,
  source       VARCHAR(2000)   NOT NULL,
  note         VARCHAR(2000)   NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE driver_rerun (
  run_id        BIGINT          NOT NULL REFERENCES projection_run (run_id),
  ordinal       INTEGER         NOT NULL,
  variant       VARCHAR(100)    NOT NULL,
  words         VARCHAR(1000)   NOT NULL,
  scenario      VARCHAR(200)    NOT NULL,
  metric        VARCHAR(40)     NOT NULL,
  breakdown     VARCHAR(100)    NOT NULL,
  time_window   VARCHAR(40)     NOT NULL,
  measure       VARCHAR(40)     NOT NULL,
  trials        BIGINT          NOT NULL,
  central_value DOUBLE PRECISION,
  median        DOUBLE PRECISION,
  p5            DOUBLE PRECISION,
  p95           DOUBLE PRECISION,
  PRIMARY KEY (run_id, ordinal)
);

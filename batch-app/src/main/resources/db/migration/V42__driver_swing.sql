-- The swing of each recorded KPI (USD) between each driver's low and high tenth (RunResult.swings):
-- the bars of the tornado charts, the Drivers sheet and the brief. A driver is one parameter, or a
-- block of rank-correlated parameters (key 'group:<first member>', members one per line in name
-- order). A run stored before this migration has none. Portable SQL (H2 2.x, PostgreSQL).
CREATE TABLE driver_swing (
  run_id         BIGINT           NOT NULL REFERENCES projection_run (run_id),
  ordinal        INTEGER          NOT NULL,
  scenario       VARCHAR(200)     NOT NULL,
  metric         VARCHAR(40)      NOT NULL,
  breakdown      VARCHAR(100)     NOT NULL,
  time_window    VARCHAR(40)      NOT NULL,
  measure        VARCHAR(40)      NOT NULL,
  driver         VARCHAR(300)     NOT NULL,
  members        VARCHAR(20000)   NOT NULL,
  low_mean       DOUBLE PRECISION,
  high_mean      DOUBLE PRECISION,
  standard_error DOUBLE PRECISION,
  low_trials     BIGINT           NOT NULL,
  high_trials    BIGINT           NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

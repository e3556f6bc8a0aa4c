-- Equilibria of a run outside their model's range (negative flows or revenue of the linear model,
-- long CES solves): how many of the run's trials, by scenario, regime and sector. Portable SQL
-- (H2 2.x, PostgreSQL).
CREATE TABLE domain_warning (
  run_id       BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER       NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  scenario     VARCHAR(200)  NOT NULL,
  regime       VARCHAR(200)  NOT NULL,
  sector       VARCHAR(100)  NOT NULL,
  trials       BIGINT        NOT NULL,
  of_trials    BIGINT        NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

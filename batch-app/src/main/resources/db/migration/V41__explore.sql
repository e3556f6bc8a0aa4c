-- Sweeps of a study's levers (run --explore FILE): one row per sweep (its id is the Spring Batch
-- job instance id of the explore job), the study's files and the sweep file as the sweep read
-- them (a resumed sweep computes what it started computing), and one row per completed grid
-- point (the base scenario's KPIs and target probabilities, GridPointCodec's text).
-- Portable SQL (H2 2.x, PostgreSQL).
CREATE TABLE explore_run (
  sweep_id          BIGINT          PRIMARY KEY,
  study_sha256      VARCHAR(64)     NOT NULL,
  explore_sha256    VARCHAR(64)     NOT NULL,
  overrides         VARCHAR(200)    NOT NULL,
  scenario          VARCHAR(200)    NOT NULL,
  points            INTEGER         NOT NULL,
  trials_per_point  BIGINT          NOT NULL,
  explore_text      TEXT            NOT NULL,
  status            VARCHAR(20)     NOT NULL,
  message           VARCHAR(4000),
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at       TIMESTAMP WITH TIME ZONE,
  report_path       VARCHAR(1000)
);
CREATE INDEX explore_run_identity ON explore_run (study_sha256, explore_sha256, overrides);

CREATE TABLE explore_file (
  sweep_id  BIGINT        NOT NULL REFERENCES explore_run (sweep_id),
  path      VARCHAR(500)  NOT NULL,
  content   TEXT          NOT NULL,
  PRIMARY KEY (sweep_id, path)
);

CREATE TABLE explore_point (
  sweep_id      BIGINT          NOT NULL REFERENCES explore_run (sweep_id),
  point_index   INTEGER         NOT NULL,
  levers        VARCHAR(2000)   NOT NULL,
  result        TEXT            NOT NULL,
  completed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (sweep_id, point_index)
);

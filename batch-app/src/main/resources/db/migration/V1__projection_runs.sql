-- tariffcast's own tables. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
-- A run is one Spring Batch job instance: run_id = BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.

CREATE TABLE projection_run (
  run_id            BIGINT       NOT NULL PRIMARY KEY,
  job_execution_id  BIGINT,
  origin            VARCHAR(20)  NOT NULL,
  schedule_name     VARCHAR(100),
  fire_time         VARCHAR(40),
  study_dir         VARCHAR(1000),
  overrides         VARCHAR(200) NOT NULL,
  status            VARCHAR(20)  NOT NULL,
  stage             VARCHAR(20)  NOT NULL,
  message           VARCHAR(4000),
  study             VARCHAR(200),
  title             VARCHAR(500),
  home              VARCHAR(16),
  partner           VARCHAR(16),
  config_sha256     VARCHAR(64),
  seed              BIGINT,
  trials            BIGINT,
  trials_planned    BIGINT,
  sampling          VARCHAR(10),
  solver            VARCHAR(10),
  partitions        INTEGER,
  horizon_start     VARCHAR(7),
  horizon_quarters  INTEGER,
  base_year         INTEGER,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE,
  statistics_at     TIMESTAMP WITH TIME ZONE,
  finished_at       TIMESTAMP WITH TIME ZONE,
  report_path       VARCHAR(1000),
  owner             VARCHAR(200),
  heartbeat_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX projection_run_config ON projection_run (config_sha256, overrides);

CREATE TABLE run_config_file (
  run_id   BIGINT        NOT NULL REFERENCES projection_run (run_id),
  path     VARCHAR(500)  NOT NULL,
  content  TEXT          NOT NULL,
  PRIMARY KEY (run_id, path)
);

CREATE TABLE run_version (
  run_id   BIGINT        NOT NULL REFERENCES projection_run (run_id),
  name     VARCHAR(100)  NOT NULL,
  version  VARCHAR(200)  NOT NULL,
  PRIMARY KEY (run_id, name)
);

-- One row per completed partition of the simulate step: the engine's serialized partial result.
CREATE TABLE partition_result (
  run_id           BIGINT   NOT NULL REFERENCES projection_run (run_id),
  partition_index  INTEGER  NOT NULL,
  trial_from       BIGINT   NOT NULL,
  trial_to         BIGINT   NOT NULL,
  result_bytes     INTEGER  NOT NULL,
  result           BYTEA    NOT NULL,
  completed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (run_id, partition_index)
);

CREATE TABLE run_scenario (
  run_id       BIGINT         NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER        NOT NULL,
  name         VARCHAR(200)   NOT NULL,
  probability  DOUBLE PRECISION NOT NULL,
  description  VARCHAR(4000)  NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE kpi_statistics (
  run_id            BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal           INTEGER       NOT NULL,
  scenario          VARCHAR(200)  NOT NULL,
  metric            VARCHAR(40)   NOT NULL,
  breakdown         VARCHAR(40)   NOT NULL,
  time_window       VARCHAR(20)   NOT NULL,
  measure           VARCHAR(40)   NOT NULL,
  trials            BIGINT        NOT NULL,
  mean              DOUBLE PRECISION NOT NULL,
  sd                DOUBLE PRECISION NOT NULL,
  standard_error    DOUBLE PRECISION NOT NULL,
  min_value         DOUBLE PRECISION NOT NULL,
  max_value         DOUBLE PRECISION NOT NULL,
  p5  DOUBLE PRECISION NOT NULL, p10 DOUBLE PRECISION NOT NULL, p25 DOUBLE PRECISION NOT NULL,
  p50 DOUBLE PRECISION NOT NULL, p75 DOUBLE PRECISION NOT NULL, p90 DOUBLE PRECISION NOT NULL,
  p95 DOUBLE PRECISION NOT NULL,
  percentile_error  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE series_statistics (
  run_id            BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal           INTEGER       NOT NULL,
  scenario          VARCHAR(200)  NOT NULL,
  metric            VARCHAR(40)   NOT NULL,
  breakdown         VARCHAR(40)   NOT NULL,
  quarter           VARCHAR(7)    NOT NULL,
  trials            BIGINT        NOT NULL,
  mean              DOUBLE PRECISION NOT NULL,
  sd                DOUBLE PRECISION NOT NULL,
  standard_error    DOUBLE PRECISION NOT NULL,
  min_value         DOUBLE PRECISION NOT NULL,
  max_value         DOUBLE PRECISION NOT NULL,
  p5  DOUBLE PRECISION NOT NULL, p10 DOUBLE PRECISION NOT NULL, p25 DOUBLE PRECISION NOT NULL,
  p50 DOUBLE PRECISION NOT NULL, p75 DOUBLE PRECISION NOT NULL, p90 DOUBLE PRECISION NOT NULL,
  p95 DOUBLE PRECISION NOT NULL,
  percentile_error  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE target_probability (
  run_id       BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER       NOT NULL,
  target       VARCHAR(500)  NOT NULL,
  scenario     VARCHAR(200)  NOT NULL,
  probability  DOUBLE PRECISION NOT NULL,
  ci_low       DOUBLE PRECISION NOT NULL,
  ci_high      DOUBLE PRECISION NOT NULL,
  trials       BIGINT        NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE sensitivity (
  run_id            BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal           INTEGER       NOT NULL,
  scenario          VARCHAR(200)  NOT NULL,
  metric            VARCHAR(40)   NOT NULL,
  breakdown         VARCHAR(40)   NOT NULL,
  time_window       VARCHAR(20)   NOT NULL,
  measure           VARCHAR(40)   NOT NULL,
  parameter         VARCHAR(500)  NOT NULL,
  rank_correlation  DOUBLE PRECISION NOT NULL,
  trials            BIGINT        NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE convergence (
  run_id          BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal         INTEGER       NOT NULL,
  scenario        VARCHAR(200)  NOT NULL,
  metric          VARCHAR(40)   NOT NULL,
  breakdown       VARCHAR(40)   NOT NULL,
  time_window     VARCHAR(20)   NOT NULL,
  measure         VARCHAR(40)   NOT NULL,
  trials          BIGINT        NOT NULL,
  mean            DOUBLE PRECISION NOT NULL,
  standard_error  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE central_case_kpi (
  run_id       BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER       NOT NULL,
  scenario     VARCHAR(200)  NOT NULL,
  metric       VARCHAR(40)   NOT NULL,
  breakdown    VARCHAR(40)   NOT NULL,
  time_window  VARCHAR(20)   NOT NULL,
  measure      VARCHAR(40)   NOT NULL,
  kpi_value    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

-- The central case's equilibrium tables: one row per table, its regions and flows below.
CREATE TABLE central_case_table (
  run_id    BIGINT         NOT NULL REFERENCES projection_run (run_id),
  ordinal   INTEGER        NOT NULL,
  scenario  VARCHAR(200)   NOT NULL,
  regime    VARCHAR(200)   NOT NULL,
  sector    VARCHAR(40)    NOT NULL,
  regions   VARCHAR(4000)  NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE central_case_region (
  run_id              BIGINT       NOT NULL REFERENCES projection_run (run_id),
  table_ordinal       INTEGER      NOT NULL,
  region              VARCHAR(40)  NOT NULL,
  world_price_change  DOUBLE PRECISION,
  consumer_surplus    DOUBLE PRECISION,
  producer_surplus    DOUBLE PRECISION,
  tariff_revenue      DOUBLE PRECISION,
  net_welfare         DOUBLE PRECISION,
  PRIMARY KEY (run_id, table_ordinal, region)
);

CREATE TABLE central_case_flow (
  run_id         BIGINT       NOT NULL REFERENCES projection_run (run_id),
  table_ordinal  INTEGER      NOT NULL,
  exporter       VARCHAR(40)  NOT NULL,
  importer       VARCHAR(40)  NOT NULL,
  flow_before    DOUBLE PRECISION,
  flow_after     DOUBLE PRECISION,
  PRIMARY KEY (run_id, table_ordinal, exporter, importer)
);

CREATE TABLE data_source (
  run_id     BIGINT         NOT NULL REFERENCES projection_run (run_id),
  ordinal    INTEGER        NOT NULL,
  file_name  VARCHAR(200)   NOT NULL,
  source     VARCHAR(4000)  NOT NULL,
  quality    VARCHAR(20)    NOT NULL,
  row_count  INTEGER        NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

-- Every time a schedule fires, on whichever scheduler instance: proves a fire runs once.
CREATE TABLE schedule_fire (
  fire_id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  schedule_name       VARCHAR(100)  NOT NULL,
  fire_time           VARCHAR(40)   NOT NULL,
  scheduler_instance  VARCHAR(200)  NOT NULL,
  fired_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  outcome             VARCHAR(20)   NOT NULL,
  run_id              BIGINT,
  message             VARCHAR(4000)
);
CREATE INDEX schedule_fire_name ON schedule_fire (schedule_name, fire_time);

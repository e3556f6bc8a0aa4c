-- What a run's results are about (StudyDescription): region and sector names, labelled
-- parameters, targets in words and the headline indicators. Home, partner, study, title and
-- base year are on projection_run already, scenarios in run_scenario. A run stored before this
-- migration has no perspective: its description is derived from its configuration snapshot.

ALTER TABLE projection_run ADD COLUMN perspective VARCHAR(16);

CREATE TABLE run_region (
  run_id   BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal  INTEGER       NOT NULL,
  code     VARCHAR(16)   NOT NULL,
  name     VARCHAR(500)  NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_sector (
  run_id    BIGINT        NOT NULL REFERENCES projection_run (run_id),
  ordinal   INTEGER       NOT NULL,
  code      VARCHAR(24)   NOT NULL,
  name      VARCHAR(500)  NOT NULL,
  hs_codes  VARCHAR(2000) NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_parameter (
  run_id        BIGINT         NOT NULL REFERENCES projection_run (run_id),
  ordinal       INTEGER        NOT NULL,
  parameter     VARCHAR(500)   NOT NULL,
  label         VARCHAR(1000)  NOT NULL,
  distribution  VARCHAR(1000)  NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_target (
  run_id       BIGINT            NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER           NOT NULL,
  name         VARCHAR(500)      NOT NULL,
  metric       VARCHAR(40)       NOT NULL,
  breakdown    VARCHAR(40)       NOT NULL,
  time_window  VARCHAR(20)       NOT NULL,
  measure      VARCHAR(40)       NOT NULL,
  comparison   VARCHAR(2)        NOT NULL,
  threshold    DOUBLE PRECISION  NOT NULL,
  words        VARCHAR(2000)     NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_headline (
  run_id       BIGINT       NOT NULL REFERENCES projection_run (run_id),
  ordinal      INTEGER      NOT NULL,
  metric       VARCHAR(40)  NOT NULL,
  breakdown    VARCHAR(40)  NOT NULL,
  time_window  VARCHAR(20)  NOT NULL,
  measure      VARCHAR(40)  NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

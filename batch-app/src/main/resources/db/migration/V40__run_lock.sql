-- One row per configuration being run by `run` (issue 14): the primary key makes taking the lock
-- atomic on H2 and PostgreSQL alike (an INSERT either succeeds or meets a duplicate key), so two
-- `run`s of the same configuration started together cannot both start. The row names its holder
-- (host:pid) and its heartbeat; a holder whose process is gone is replaced by the next `run`.
CREATE TABLE run_lock (
  lock_key      VARCHAR(300)  NOT NULL PRIMARY KEY,
  token         VARCHAR(36)   NOT NULL,
  owner         VARCHAR(200)  NOT NULL,
  acquired_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

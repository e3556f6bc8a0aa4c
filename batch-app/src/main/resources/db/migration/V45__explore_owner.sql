-- Which process runs a sweep (host:pid) and when it last said it was alive, so that a sweep
-- left STARTED by a killed process is recognised and resumed instead of reported as running
-- for ever. Portable SQL (H2 2.x, PostgreSQL).
ALTER TABLE explore_run ADD COLUMN owner VARCHAR(200);
ALTER TABLE explore_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;

#!/usr/bin/env bash
# Remote partitioning on one machine, measured: K worker JVMs (`tariffcast worker`, profile
# postgres,remote, one engine thread each, pinned round-robin to the cores with taskset where it
# exists) and a manager `run --trials N --new` whose study has run.partitions = P, for every K and
# P given. Builds nothing: uses batch-app/target/tariffcast.jar (`mvn -B -DskipTests package`).
# Needs RabbitMQ (spring.rabbitmq.*, default 127.0.0.1:5672 guest/guest) and the local PostgreSQL
# (127.0.0.1:5432, database `test`, user postgres, trust auth): it works in a fresh schema and a
# queue of its own, both removed at the end. Run from the repository root:
#
#   batch-app/bench/remote-scaling.sh [--workers "2 4"] [--partitions "8 32 128"] [--trials 20000]
#                                     [--study config/us-vietnam-2025] [--warm 2000] [--keep]
#
# Per run it prints, from the job repository (BATCH_STEP_EXECUTION, partition_result) and the
# processes' CPU time (/proc/PID/stat for the workers, /usr/bin/time for the manager):
#   sim s       wall time of the manager's simulate step (first request sent .. last partition seen ended)
#   compute s   per partition, mean of worker step start .. its partition_result row stored
#               (engine look-up, simulate, encode, insert; the first partition of a run on each
#               worker also compiles the study and its central case)
#   tail ms     per partition, mean of row stored .. worker step ended (commit, step bookkeeping)
#   gap ms      per partition: (K x sim - sum of worker step times) / P, the time a worker stood
#               idle between partitions: request delivery, the job-repository round trips of
#               Spring Batch's request handler, the manager's poll (every 500 ms) at the end, and
#               the imbalance of the last round (fewer partitions left than workers)
#   ovh ms      per partition: (K x sim - sum of compute) / P = gap + tail: the manager and
#               repository's overhead per partition as the workers see it
#   merge s     wall time of the merge step (decode and merge of the P stored results in order,
#               finish: statistics, sensitivity, central case; store), and from the manager's log
#               its parts: merged (decode + merge), finished, stored
#   MiB         stored partial results, sum of result_bytes
#   CPU s       workers' CPU during the run (all K), the manager's (its whole process: start-up,
#               validate, merge, finish, reports)
# Before the measured runs of each K, one run of --warm trials (default 2000; 0: none) with the
# first partition count warms the workers' JIT; it is not printed.
# The machine's other load shows in the wall times: compare CPU times, and wall times of one
# sitting with each other.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/batch-app/target/tariffcast.jar"
workers_list="2 4"
partitions_list="8 32 128"
trials=20000
study="$root/config/us-vietnam-2025"
keep=false
warm=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers_list=$2; shift 2 ;;
    --partitions) partitions_list=$2; shift 2 ;;
    --trials) trials=$2; shift 2 ;;
    --study) study=$(cd "$2" && pwd); shift 2 ;;
    --warm) warm=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "unknown option $1; see the comment at the top of $0" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
command -v psql > /dev/null || { echo "needs psql (PostgreSQL client)" >&2; exit 2; }
pg_host=${PGHOST:-127.0.0.1}
pg_port=${PGPORT:-5432}
tag="tcscale$$"
schema="$tag"
queue="tariffcast.scaling.$tag"
work=$(mktemp -d)
pids=()
psql_() { psql -h "$pg_host" -p "$pg_port" -U postgres -d test -v ON_ERROR_STOP=1 -qAt -F ' ' "$@"; }
query() { PGOPTIONS="-c search_path=$schema" psql_ "$@"; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
  psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null 2>&1 || true
  # the queue is durable: delete it (management API, else rabbitmqctl on the broker's machine)
  { command -v rabbitmqadmin > /dev/null && rabbitmqadmin delete queue name="$queue" > /dev/null 2>&1; } \
    || { command -v rabbitmqctl > /dev/null && timeout 30 rabbitmqctl delete_queue "$queue" > /dev/null 2>&1; } || true
  if $keep; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
psql_ -c "CREATE SCHEMA $schema"

export SPRING_PROFILES_ACTIVE=postgres,remote
export SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/test?currentSchema=$schema"
export SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATASOURCE_PASSWORD=
export TARIFFCAST_REMOTE_QUEUE="$queue"
# small connection pools: K + 1 processes share the server's max_connections (100 by default)
export SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE=1
export SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=8
cd "$work"
mkdir -p config
cat > config/application.yml <<YML
tariffcast:
  study: $study
  reports: $work/reports
YML
for p in $partitions_list; do
  cp -r "$study" "study-p$p"
  sed -i -E "s/^(  partitions:)[[:space:]]*[0-9]+/\1 $p/" "study-p$p/study.yml"
  grep -q "^  partitions: $p" "study-p$p/study.yml" || { echo "could not set partitions in study-p$p/study.yml" >&2; exit 1; }
done
LOGGING_FILE_NAME="$work/migrate.log" java -jar "$jar" migrate > migrate.out 2>&1 || { cat migrate.out; exit 1; }

cores=$(nproc)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
printf '%2s %4s %8s %9s %8s %8s %8s %8s %32s %7s %8s %8s\n' K P "sim s" "compute s" "tail ms" "gap ms" "ovh ms" \
  "merge s" "(merged, finished, stored s)" MiB "CPU wk s" "CPU mgr s"
for k in $workers_list; do
  pids=()
  for i in $(seq 0 $((k - 1))); do
    pin=()
    command -v taskset > /dev/null && pin=(taskset -c $((i % cores)))
    LOGGING_FILE_NAME="$work/worker-$k-$i.log" TARIFFCAST_THREADS=1 \
      "${pin[@]}" java -jar "$jar" worker > "worker-$k-$i.out" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 0 $((k - 1))); do
    for _ in $(seq 600); do
      grep -q "worker waiting for partitions" "worker-$k-$i.out" 2> /dev/null && break
      kill -0 "${pids[$i]}" 2> /dev/null || { cat "worker-$k-$i.out"; exit 1; }
      sleep 0.5
    done
  done
  if [ "$warm" -gt 0 ]; then
    first=${partitions_list%% *}
    LOGGING_FILE_NAME="$work/warm-$k.log" java -jar "$jar" run --config "study-p$first" --trials "$warm" --new \
      > "warm-$k.out" 2>&1 || { cat "warm-$k.out"; exit 1; }
  fi
  for p in $partitions_list; do
    before=0
    for pid in "${pids[@]}"; do before=$((before + $(cpu_ticks "$pid"))); done
    LOGGING_FILE_NAME="$work/manager-$k-$p.log" /usr/bin/time -f '%e %U %S' -o "time-$k-$p.txt" \
      java -jar "$jar" run --config "study-p$p" --trials "$trials" --new > "manager-$k-$p.out" 2>&1 \
      || { cat "manager-$k-$p.out"; exit 1; }
    after=0
    for pid in "${pids[@]}"; do after=$((after + $(cpu_ticks "$pid"))); done
    run=$(query -c "SELECT max(run_id) FROM projection_run")
    # one line: simulate wall, partitions, sum of step times, sum of compute, sum of tails, merge wall, MiB
    read -r sim parts sumstep sumcompute sumtail merge mib < <(query -c "
      WITH je AS (SELECT max(job_execution_id) AS id FROM batch_job_execution WHERE job_instance_id = $run),
      s AS (SELECT step_name, start_time, end_time FROM batch_step_execution, je WHERE job_execution_id = je.id),
      p AS (SELECT s.start_time, s.end_time, r.completed_at AT TIME ZONE current_setting('TimeZone') AS stored
            FROM s JOIN partition_result r ON r.run_id = $run
             AND r.partition_index = substring(s.step_name FROM 'partition([0-9]+)\$')::int
            WHERE s.step_name LIKE 'simulate-partition:%')
      SELECT (SELECT extract(epoch FROM end_time - start_time) FROM s WHERE step_name = 'simulate'),
             (SELECT count(*) FROM p),
             (SELECT sum(extract(epoch FROM end_time - start_time)) FROM p),
             (SELECT sum(extract(epoch FROM stored - start_time)) FROM p),
             (SELECT sum(extract(epoch FROM end_time - stored)) FROM p),
             (SELECT extract(epoch FROM end_time - start_time) FROM s WHERE step_name = 'merge'),
             (SELECT round(sum(result_bytes) / 1048576.0, 1) FROM partition_result WHERE run_id = $run)")
    parts_log=$(grep -ho "merged in [0-9]* ms, finished in [0-9]* ms, stored in [0-9]* ms" "manager-$k-$p.log" | tail -1 \
      | awk '{printf "(%.2f, %.2f, %.2f)", $3 / 1000, $7 / 1000, $11 / 1000}')
    read -r _ mu ms < "time-$k-$p.txt"
    awk -v k="$k" -v p="$p" -v sim="$sim" -v n="$parts" -v st="$sumstep" -v co="$sumcompute" -v ta="$sumtail" \
        -v merge="$merge" -v parts_log="$parts_log" -v mib="$mib" -v wk="$(( after - before ))" -v hz="$hz" \
        -v mgr="$(awk -v u="$mu" -v s="$ms" 'BEGIN {print u + s}')" 'BEGIN {
      if (n != p) { printf "run with %d partitions stored %d\n", p, n > "/dev/stderr" }
      printf "%2d %4d %8.1f %9.2f %8.0f %8.0f %8.0f %8.2f %32s %7.1f %8.1f %8.1f\n", k, p, sim, co / n, ta / n * 1000,
        (k * sim - st) / n * 1000, (k * sim - co) / n * 1000, merge, parts_log, mib, wk / hz, mgr }'
  done
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  pids=()
done
echo "$trials trials of $(basename "$study") per run; $cores cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
  "$(java -version 2>&1 | head -1)"

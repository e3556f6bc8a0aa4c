#!/usr/bin/env bash
# Soak test of the nightly job (not a CI test): NIGHTS scheduled "nights" on a fast cron with
# small trials, the scheduler killed (kill -9) at random moments and restarted, and per night
# the scheduler's heap and open files, the database size and the report folder size. At the
# end: how many nights (fire times) ran exactly once, and whether the sizes level off.
#
#   batch-app/soak/soak.sh [NIGHTS] [SECONDS_PER_NIGHT] [TRIALS] [KILL_PERCENT]
#
# Needs the packaged jar (mvn -B -DskipTests package) and runs in a fresh folder under
# ${SOAK_DIR:-/tmp/tariffcast-soak}. Prints one line per night and a summary; writes soak.csv there.
set -euo pipefail
NIGHTS=${1:-30}
EVERY=${2:-30}          # seconds between fires (a "night")
TRIALS=${3:-200}
KILL=${4:-30}           # percent of nights in which the scheduler is killed at a random moment
REPO=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$REPO/batch-app/target/tariffcast.jar}
DIR=${SOAK_DIR:-/tmp/tariffcast-soak}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }
rm -rf "$DIR"; mkdir -p "$DIR/config"
cd "$DIR"
cp -r "$REPO/config/examples" config/
cat > config/application.yml <<YML
tariffcast:
  study: config/examples/gsim-4x4
  reports: reports
  threads: 1
  zone: UTC
  stale-after: 20s
  progress-interval: 30s
  keep-partition-results: 1m
  schedules:
    - name: soak
      cron: "0/$EVERY * * * * ?"
      zone: UTC
      trials: $TRIALS
spring:
  datasource:
    url: jdbc:h2:file:./data/tariffcast;AUTO_SERVER=TRUE;WRITE_DELAY=0
  quartz:
    properties:
      org.quartz.jobStore.misfireThreshold: 5000
logging:
  file:
    name: data/logs/tariffcast.log
YML
# H2's shell, from inside the boot jar, to count fires while the scheduler holds the database
H2JAR=$(unzip -Z1 "$JAR" | grep -E 'BOOT-INF/lib/h2-[0-9.]+\.jar$')
unzip -q -o -j "$JAR" "$H2JAR" -d "$DIR/lib"
H2=$(ls "$DIR"/lib/h2-*.jar)
# IFEXISTS: the shell must never create the database before the scheduler does
sql() { local v; v=$(java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$DIR/data/tariffcast;AUTO_SERVER=TRUE;IFEXISTS=TRUE" \
  -user sa -password "" -sql "$1" 2>/dev/null | sed -n 2p | tr -d ' '); [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo "?"; }
start() { java -Xmx512m -jar "$JAR" schedule > "$DIR/scheduler.out" 2>&1 & PID=$!; }
start
echo "night,elapsed_s,fires,heap_used_kb,rss_kb,open_files,db_bytes,reports_bytes,killed" > soak.csv
printf '%5s %8s %6s %10s %10s %6s %12s %12s %s\n' night elapsed fires heap_kb rss_kb files db_bytes reports_bytes killed
T0=$(date +%s)
kills=0
for night in $(seq 1 "$NIGHTS"); do
  killed=no
  if [ $((RANDOM % 100)) -lt "$KILL" ]; then
    sleep $((RANDOM % EVERY + 1))
    kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
    killed=yes; kills=$((kills + 1))
    start
    sleep $((EVERY / 2))
  else
    sleep "$EVERY"
  fi
  heap=$(jcmd "$PID" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' || echo "")
  rss=$(awk '/VmRSS/ {print $2}' /proc/"$PID"/status 2>/dev/null || echo "")
  files=$(ls /proc/"$PID"/fd 2>/dev/null | wc -l)
  db=$(stat -c %s data/tariffcast.mv.db 2>/dev/null || echo 0)
  rep=$(du -sb reports 2>/dev/null | cut -f1 || echo 0)
  fires=$(sql "SELECT COUNT(DISTINCT fire_time) FROM schedule_fire" || echo "?")
  printf '%5d %8d %6s %10s %10s %6s %12s %12s %s\n' "$night" $(( $(date +%s) - T0 )) "$fires" "$heap" "$rss" "$files" "$db" "$rep" "$killed"
  echo "$night,$(( $(date +%s) - T0 )),$fires,$heap,$rss,$files,$db,$rep,$killed" >> soak.csv
done
sleep "$EVERY"   # let the last fire finish
kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
fired=$(sql "SELECT COUNT(DISTINCT fire_time) FROM schedule_fire")
once=$(sql "SELECT COUNT(*) FROM (SELECT fire_time FROM projection_run WHERE schedule_name = 'soak' AND status = 'COMPLETED' GROUP BY fire_time HAVING COUNT(*) = 1)")
twice=$(sql "SELECT COUNT(*) FROM (SELECT fire_time FROM projection_run WHERE schedule_name = 'soak' GROUP BY fire_time HAVING COUNT(*) > 1)")
open=$(sql "SELECT COUNT(*) FROM projection_run WHERE status NOT IN ('COMPLETED')")
echo "fire times: $fired; completed exactly once: $once; run more than once: $twice; not completed: $open; scheduler kills: $kills"
echo "figures: $DIR/soak.csv"

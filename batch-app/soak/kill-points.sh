#!/usr/bin/env bash
# Kill -9 at ten points of one run (not a CI test; KillPointsIT is the CI version with four).
# A clean run of the GSIM example first, in its own folder; then, in another folder, the same
# run is started again and again, each process stopped for good at the next point of the list
# (-Dtariffcast.pause-at, see batch-app/OPERATIONS.md) and killed there with kill -9, one point
# ("random") at a random moment instead; a last `run` completes it. At the end: every statistic
# table compared with the clean run's, the run rows, and what is left STARTED.
#
#   batch-app/soak/kill-points.sh [TRIALS] [PARTITIONS]
#
# Needs the packaged jar (mvn -B -DskipTests package); works in ${KILL_DIR:-/tmp/tariffcast-kill-points}.
set -euo pipefail
TRIALS=${1:-16000}
PARTS=${2:-16}
POINTS=(validate validate simulate-stored:1 simulate-stored:3 random simulate-stored:2 merge-stored
  report-written report-moved publish-written)
REPO=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$REPO/batch-app/target/tariffcast.jar}
DIR=${KILL_DIR:-/tmp/tariffcast-kill-points}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }
rm -rf "$DIR"; mkdir -p "$DIR/study" "$DIR/lib"
cp -r "$REPO/config/examples/gsim-4x4/." "$DIR/study/"
sed -i -E "s/partitions: [0-9]+/partitions: $PARTS/" "$DIR/study/study.yml"
H2JAR=$(unzip -Z1 "$JAR" | grep -E 'BOOT-INF/lib/h2-[0-9.]+\.jar$')
unzip -q -o -j "$JAR" "$H2JAR" -d "$DIR/lib"
H2=$(ls "$DIR"/lib/h2-*.jar)
sql() { java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$1/data/tariffcast;AUTO_SERVER=TRUE;IFEXISTS=TRUE" \
  -user sa -password "" -sql "$2" 2>/dev/null | grep -v -E '^\([0-9]+ rows?, [0-9]+ ms\)$' || true; }
tc() { # folder, extra java options..., then -- and the command
  local ws=$1; shift; local opts=(); while [ "$1" != "--" ]; do opts+=("$1"); shift; done; shift
  cd "$ws" && exec java -Xmx512m -Dtariffcast.reports=reports -Dtariffcast.time-zone=UTC \
    -Dtariffcast.progress-interval=500ms "-Dspring.datasource.url=jdbc:h2:file:./data/tariffcast;AUTO_SERVER=TRUE;WRITE_DELAY=0" \
    -Dlogging.file.name=data/logs/tariffcast.log "${opts[@]}" -jar "$JAR" "$@"
} # exec: started with &, $! is the JVM itself, which kill -9 must reach; call it in ( ) otherwise
RUN=(run --config "$DIR/study" --trials "$TRIALS" --threads 1)
mkdir -p "$DIR/clean" "$DIR/killed"
T0=$(date +%s)
echo "clean run: ${RUN[*]}"
(tc "$DIR/clean" -- "${RUN[@]}") > "$DIR/clean.out" 2>&1 || { echo "clean run failed: $DIR/clean.out"; exit 1; }
printf '%-3s %-20s %-8s %s\n' n point seconds "what the process said last"
n=0
for point in "${POINTS[@]}"; do
  n=$((n + 1)); out="$DIR/kill-$n.out"; t=$(date +%s)
  if [ "$point" = random ]; then
    tc "$DIR/killed" -- "${RUN[@]}" > "$out" 2>&1 & pid=$!
    sleep "$(awk -v s="$RANDOM" 'BEGIN { printf "%.1f", 4 + (s % 80) / 10 }')"
  else
    tc "$DIR/killed" "-Dtariffcast.pause-at=$point" -- "${RUN[@]}" > "$out" 2>&1 & pid=$!
    for _ in $(seq 1 1200); do grep -q "paused at $point" "$out" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    grep -q "paused at $point" "$out" || { echo "point $point not reached: $out"; kill -9 "$pid" 2>/dev/null; exit 1; }
  fi
  kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  last=$(grep -E 'resum|adopt|closing|partitions done|step [0-9] of 5|paused at' "$out" | tail -1 | sed -E 's/^[0-9:]+ [A-Z]+ +[A-Z]+ +//' | cut -c1-100 || true)
  printf '%-3s %-20s %-8s %s\n' "$n" "$point" "$(( $(date +%s) - t ))" "$last"
done
(tc "$DIR/killed" -- "${RUN[@]}") > "$DIR/last.out" 2>&1 && code=0 || code=$?
echo "last run: exit $code: $(grep -E 'completed|FAILED' "$DIR/last.out" | tail -1)"
same=0; differ=0
for table in partition_result kpi_statistics series_statistics target_probability sensitivity convergence \
    central_case_kpi central_case_flow; do
  if [ "$table" = partition_result ]; then
    q="SELECT run_id, partition_index, trial_from, trial_to, result_bytes, RAWTOHEX(HASH('SHA-256', result)) FROM partition_result ORDER BY 1, 2"
  else
    q="SELECT * FROM $table ORDER BY 1, 2, 3"
  fi
  a=$(sql "$DIR/clean" "$q" | md5sum); b=$(sql "$DIR/killed" "$q" | md5sum)
  rows=$(sql "$DIR/killed" "SELECT COUNT(*) FROM $table" | sed -n 2p | tr -d ' ')
  if [ "$a" = "$b" ]; then same=$((same + 1)); r=identical; else differ=$((differ + 1)); r=DIFFERENT; fi
  printf '  %-20s %8s rows  %s\n' "$table" "$rows" "$r"
done
echo "run rows:"; sql "$DIR/killed" "SELECT run_id, status, stage FROM projection_run ORDER BY run_id" | sed -n '2,$p' | sed 's/^/  /'
started=$(sql "$DIR/killed" "SELECT COUNT(*) FROM projection_run WHERE status = 'STARTED'" | sed -n 2p | tr -d ' ')
partial=$(find "$DIR/killed/reports" -maxdepth 2 -name '*.partial' | wc -l)
echo "kill points: ${#POINTS[@]}; tables identical to the clean run: $same of $((same + differ)); runs left STARTED: $started; .partial folders left: $partial; $(( $(date +%s) - T0 )) s"
[ "$code" = 0 ] && [ "$differ" = 0 ] && [ "$started" = 0 ] && [ "$partial" = 0 ]

#!/usr/bin/env bash
# Start-up time of the command-line commands: each command several times, wall and CPU seconds
# measured by /usr/bin/time, the median printed. Run from the repository root after
# `mvn -B -DskipTests package`:
#
#   batch-app/bench/startup.sh [times]        # default 5 times per command
#
# It works in a temporary folder (its own H2 database and reports) with the GSIM example, after
# one short run so that show and compare have something to read. `resume --run 999999` is the
# reference: it starts the whole application (job repository, Flyway, the job) before it finds
# that there is no such run, as history, show and compare did before they read the database over
# plain JDBC. The light commands are timed twice: with `java -jar` and through batch-app/bin/tariffcast
# (the launcher, which gives them the quick JIT compiler alone).
set -euo pipefail
times=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/batch-app/target/tariffcast.jar"
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
cat > "$work/config/application.yml" <<YML
tariffcast:
  study: $root/config/examples/gsim-4x4
  reports: reports
YML
cd "$work"
java -jar "$jar" run --trials 200 --threads 1 > run.log 2>&1 || { cat run.log; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-34s %10s %10s   (median of %d; CPU = user + system)\n' COMMAND "WALL s" "CPU s" "$times"
launcher="$root/batch-app/bin/tariffcast"
for line in "java|validate" "java|history" "java|show --run 1" "java|compare 1 1" "java|resume --run 999999" \
    "bin|validate" "bin|history" "bin|show --run 1" "bin|compare 1 1"; do
  how=${line%%|*}
  cmd=${line#*|}
  : > times.txt
  for _ in $(seq "$times"); do
    if [ "$how" = java ]; then
      # shellcheck disable=SC2086
      /usr/bin/time -f '%e %U %S' -a -o times.txt java -jar "$jar" $cmd > /dev/null 2>&1 || true
    else
      # shellcheck disable=SC2086
      TARIFFCAST_JAR="$jar" /usr/bin/time -f '%e %U %S' -a -o times.txt "$launcher" $cmd > /dev/null 2>&1 || true
    fi
  done
  wall=$(awk '{print $1}' times.txt | median)
  cpu=$(awk '{print $2 + $3}' times.txt | median)
  label=$cmd
  [ "$how" = bin ] && label="$cmd (bin/tariffcast)"
  printf '%-34s %10.2f %10.2f\n' "$label" "$wall" "$cpu"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

#!/usr/bin/env bash
# Measures, on the packaged application with the national demo data:
#   - cold start: launch on an empty data folder (initdb, migrations, geography, demo data)
#     until the first healthy /actuator/health;
#   - restart: launch again on the same folder until healthy;
#   - idle memory 15 s after each start: RSS of the JVM and of the PostgreSQL processes
#     (RSS counts PostgreSQL's shared buffers once per process, so PSS is shown too).
# Usage: bench/startup.sh [runs]   (default 3; prints one line per run and the medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${BENCH_PORT:-18080}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar=$(ls target/maillage-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    mvn -q -DskipTests package
    jar=$(ls target/maillage-*.jar | grep -v original | head -1)
fi
work=target/bench
rm -rf "$work" && mkdir -p "$work"

now_ms() { date +%s%3N; }

# Starts the app on $1 and prints the milliseconds until the first healthy answer.
start_app() {
    local dir=$1 log=$2 t0
    t0=$(now_ms)
    "$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" --maillage.embedded-db.dir="$dir" >"$log" 2>&1 &
    echo $! >"$work/pid"
    until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$(cat "$work/pid")" 2>/dev/null || { echo "app died, see $log" >&2; exit 1; }
        sleep 0.05
    done
    echo $(( $(now_ms) - t0 ))
}

# Prints "jvm_rss_mb pg_rss_mb pg_pss_mb" for the running app.
memory() {
    local dir=$1 jvm pgmain pids rss pss
    jvm=$(cat "$work/pid")
    pgmain=$(head -1 "$dir/postmaster.pid")
    pids="$pgmain $(pgrep -P "$pgmain" | tr '\n' ' ')"
    rss=0; pss=0
    for p in $pids; do
        rss=$(( rss + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status") ))
        pss=$(( pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup") ))
    done
    echo "$(( $(awk '/^VmRSS/ {print $2}' "/proc/$jvm/status") / 1024 )) $(( rss / 1024 )) $(( pss / 1024 ))"
}

stop_app() {
    local pid; pid=$(cat "$work/pid")
    kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "run cold_ms cold_jvm_rss_mb cold_pg_rss_mb cold_pg_pss_mb restart_ms restart_jvm_rss_mb restart_pg_rss_mb restart_pg_pss_mb"
for run in $(seq 1 "$runs"); do
    dir="$PWD/$work/data-$run/postgres"
    cold=$(start_app "$dir" "$work/cold-$run.log"); sleep 15; cold_mem=$(memory "$dir"); stop_app
    warm=$(start_app "$dir" "$work/restart-$run.log"); sleep 15; warm_mem=$(memory "$dir"); stop_app
    echo "$run $cold $cold_mem $warm $warm_mem" | tee -a "$work/results.txt"
done
echo "median cold start: $(awk '{print $2}' "$work/results.txt" | median) ms," \
    "restart: $(awk '{print $6}' "$work/results.txt" | median) ms," \
    "idle JVM RSS: $(awk '{print $7}' "$work/results.txt" | median) MB," \
    "PostgreSQL RSS: $(awk '{print $8}' "$work/results.txt" | median) MB (PSS $(awk '{print $9}' "$work/results.txt" | median) MB)"

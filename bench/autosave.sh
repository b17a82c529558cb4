#!/usr/bin/env bash
# Autosave under load (issue 5), on the packaged application with the national demo data and
# its embedded PostgreSQL (fsync on), on a fresh data folder under target/bench-autosave/:
#   1. starts the application (java -jar, the README's settings, on port BENCH_PORT) and
#      waits until /actuator/health answers UP;
#   2. bench/AutosaveLoad.java load: runs bench/autosave-setup.sql (400 bench accounts, each
#      STRUCTURE_STAFF of a distinct active structure, and their responses to a bench
#      campaign, data year 2099, emptied), signs the people in (not timed), then each person
#      saves one of their own fields every 0.8 s (±10 %): 120 s of warm-up (the JIT of a
#      fresh JVM needs about 90 s on 2 cores before a save costs what it will), then 60 s
#      measured; prints every 10 s the saves per second and the CPU per save, then the
#      throughput, the latency percentiles and every save that failed;
#   3. bench/AutosaveLoad.java check: every acknowledged save must be in answer_history and
#      each field must hold its last acknowledged value (counts printed);
#   4. stops the application (SIGTERM: PostgreSQL stops cleanly).
# With --power-cut: after the same warm-up, the measured load runs 30 s, and 15 s into it
# the application and the PostgreSQL server with all its processes are killed with SIGKILL
# at once (a power cut, as far as the processes go); the load goes on, failing, to its end;
# the application is restarted on the same folder (its time to be healthy again is
# printed), then the check runs.
# While it runs, the machine's load and the other busy processes are sampled into
# target/bench-autosave/machine.txt and summed up at the end: the machine is shared.
#
# Usage: bench/autosave.sh [--power-cut]
#   BENCH_PEOPLE (400), BENCH_INTERVAL_MS (800), BENCH_WARMUP (120), BENCH_DURATION (60;
#   30 with --power-cut), BENCH_CUT_AFTER (15 s into the measured load), BENCH_PORT (18082),
#   BENCH_REBUILD=1 to rebuild the jar with mvn -DskipTests package first; BENCH_APP_ARGS for
#   more settings of the application (e.g. "--maillage.embedded-db.pool-size=10").
set -euo pipefail
cd "$(dirname "$0")/.."
power_cut=false
[ "${1:-}" = "--power-cut" ] && power_cut=true
port=${BENCH_PORT:-18082}
base="http://localhost:$port"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=$(ls target/maillage-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    mvn -q -DskipTests package
    jar=$(ls target/maillage-*.jar | grep -v original | head -1)
fi
work=target/bench-autosave
rm -rf "$work" && mkdir -p "$work"
data="$PWD/$work/data/postgres"
# The PostgreSQL JDBC driver the application ships, for the load generator's database steps.
unzip -q -o -j "$jar" 'BOOT-INF/lib/postgresql-*.jar' -d "$work"
driver=$(ls "$work"/postgresql-*.jar)

app_pid=""
start_app() {
    local log=$1 t0
    t0=$(date +%s%3N)
    # shellcheck disable=SC2086 # BENCH_APP_ARGS: more settings, split on spaces
    "$java" -jar "$jar" --server.port="$port" --maillage.embedded-db.dir="$data" ${BENCH_APP_ARGS:-} >"$log" 2>&1 &
    app_pid=$!
    until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$app_pid" 2>/dev/null || { echo "the application died, see $log" >&2; exit 1; }
        sleep 0.2
    done
    echo "application healthy in $(( $(date +%s%3N) - t0 )) ms (pid $app_pid, log $log)"
}
stop_app() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"
        while kill -0 "$app_pid" 2>/dev/null; do sleep 0.1; done
    fi
}
sampler_pid=""
cleanup() {
    [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
    stop_app
}
trap cleanup EXIT

# Every 10 s: the load average and the processes over 10 % of a core that are not ours (the
# application, its PostgreSQL, the load generator), from a 1 s top sample.
ours() {
    local postmaster
    echo "$app_pid"
    pgrep -f "AutosaveLoad" || true
    if [ -f "$data/postmaster.pid" ]; then
        postmaster=$(head -1 "$data/postmaster.pid")
        echo "$postmaster"
        pgrep -P "$postmaster" || true
    fi
}
sample_machine() {
    while true; do
        local mine
        mine=" $(ours | tr '\n' ' ') "
        echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/machine.txt"
        top -b -c -w 400 -n 2 -d 1 | awk -v mine="$mine" '
            /^top -/ { frame++ } frame == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 10 && index(mine, " " $1 " ") == 0 {
                command = ""; for (i = 12; i <= NF; i++) command = command " " $i
                printf "  other: pid %s %s%% %s\n", $1, $9, substr(command, 1, 160) }' >>"$work/machine.txt"
        sleep 9
    done
}

echo "machine before the run: $(uptime)"
start_app "$work/app.log"
sample_machine &
sampler_pid=$!

load_args=(load --base-url "$base" --db-dir "$data" --acks "$work/acks.tsv"
    --people "${BENCH_PEOPLE:-400}" --interval-ms "${BENCH_INTERVAL_MS:-800}" --app-pid "$app_pid")
warmup=${BENCH_WARMUP:-120}
if $power_cut; then
    load_args+=(--warmup "$warmup" --duration "${BENCH_DURATION:-30}"
        --power-cut-after "$(( warmup + ${BENCH_CUT_AFTER:-15} ))")
else
    load_args+=(--warmup "$warmup" --duration "${BENCH_DURATION:-60}")
fi
"$java" -cp "$driver" bench/AutosaveLoad.java "${load_args[@]}" | tee "$work/load.txt"

if $power_cut; then
    wait "$app_pid" 2>/dev/null || true
    if [ -f "$data/postmaster.pid" ] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null; then
        echo "PostgreSQL still running after the power cut" >&2; exit 1
    fi
    echo "restarting on the same data folder (PostgreSQL recovers from its WAL)"
    start_app "$work/app-after-power-cut.log"
fi

check_status=0
"$java" -cp "$driver" bench/AutosaveLoad.java check --db-dir "$data" --acks "$work/acks.tsv" \
    | tee "$work/check.txt" || check_status=$?
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
stop_app

echo "machine after the run: $(uptime)"
echo "load average during the run: $(awk '/ load / {print $3}' "$work/machine.txt" | sort -n | sed -n '1p;$p' | tr '\n' ' ' | sed 's/ $//; s/ / to /')"
others=$(grep -c "other:" "$work/machine.txt" || true)
if [ "$others" -gt 0 ]; then
    echo "other busy processes were seen in $others samples (see $work/machine.txt), e.g.:"
    grep "other:" "$work/machine.txt" | awk '{print $4 "\t" $0}' | sort -rn | cut -f2- | head -5
else
    echo "no other process used 10 % of a core or more during the run"
fi
exit "$check_status"

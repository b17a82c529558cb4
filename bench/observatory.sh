#!/usr/bin/env bash
# The public observatory at national scale (issue 7), on the packaged application with the
# national demo data and ten past campaign years (maillage.demo.campaign-years=10: about
# 4,100 structures x 10 years of full answers), on a data folder under
# target/bench-observatory/ generated at the first run and reused afterwards (BENCH_FRESH=1
# to generate it again):
#   1. starts the application (java -jar, on port BENCH_PORT), waits until it is healthy and
#      its demo data are complete (demo_data_run.finished_at set, step observatory.figures
#      done), prints the data's size;
#   2. times: bench/ObservatoryLoad.java times: every territory (nation, regions, the 101
#      départements) for the latest data year, the key-figures page and
#      /api/v1/figures, no HTTP cache (no If-None-Match); cold passes (each after the
#      figures cache was cleared by moving the figures' generation) and warm passes;
#   3. validate: bench/ObservatoryLoad.java validate: BENCH_SAMPLES validations of submitted
#      responses by demo Caf advisors, each followed by polls of the département's figures
#      (API) every 50 ms until they show it; then withdrawn, so the data end as they began;
#   4. wrk: the HTML bytes of /observatoire/departements/66?annee=<latest> as an anonymous
#      visitor gets them, served by nginx (apt; our own nginx.conf under target/, gzip off,
#      access_log off, worker_processes auto) on BENCH_NGINX_PORT; a warm-up wrk run on
#      each, then wrk -c 50 -t 2 -d 30s on nginx and on the application, and the ratio;
#   5. stops everything it started.
# While it runs, the machine's load and the other busy processes are sampled into
# target/bench-observatory/machine.txt and summed up at the end: the machine is shared.
#
# Usage: bench/observatory.sh
#   BENCH_PARTS ("times validate wrk"), BENCH_KINDS for times ("pages,api"), BENCH_COLD (3
#   cold passes), BENCH_WARM (5 warm passes), BENCH_SAMPLES (20), BENCH_POLL_MS (50),
#   BENCH_WRK_WARMUP (30s), BENCH_WRK_DURATION (30s), BENCH_PORT (18083),
#   BENCH_NGINX_PORT (18084), BENCH_REBUILD=1 to rebuild the jar with mvn -DskipTests
#   package first, BENCH_FRESH=1 to generate the data again, BENCH_APP_ARGS: more
#   arguments for the application (experiments, e.g.
#   BENCH_APP_ARGS='--spring.mvc.static-path-pattern=/no-static-here/**').
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18083}
nginx_port=${BENCH_NGINX_PORT:-18084}
base="http://localhost:$port"
parts=" ${BENCH_PARTS:-times validate wrk} "
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=$(ls target/maillage-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    mvn -q -DskipTests package
    jar=$(ls target/maillage-*.jar | grep -v original | head -1)
fi
work=target/bench-observatory
data="$PWD/$work/data/postgres"
[ -n "${BENCH_FRESH:-}" ] && rm -rf "$work/data"
mkdir -p "$work"
rm -f "$work/machine.txt"
unzip -q -o -j "$jar" 'BOOT-INF/lib/postgresql-*.jar' -d "$work"
driver=$(ls "$work"/postgresql-*.jar | head -1)

for tool in wrk nginx; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
    fi
done

app_pid=""
nginx_pid=""
sampler_pid=""
stop_app() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"
        while kill -0 "$app_pid" 2>/dev/null; do sleep 0.1; done
    fi
}
cleanup() {
    [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
    if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
        kill -QUIT "$nginx_pid"
        while kill -0 "$nginx_pid" 2>/dev/null; do sleep 0.1; done
    fi
    stop_app
}
trap cleanup EXIT

# CPU time (clock ticks: 1/100 s) of the given processes, from /proc.
ticks() {
    local total=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
    done
    echo "$total"
}
postgres_pids() {
    local postmaster
    postmaster=$(head -1 "$data/postmaster.pid")
    echo "$postmaster"; pgrep -P "$postmaster" || true
}
psql_app() {
    psql -h localhost -p "$(sed -n 4p "$data/postmaster.pid")" -U postgres -d maillage -Atq -c "$1"
}

# Every 10 s: the load average and the processes over 10 % of a core that are not ours (the
# application, its PostgreSQL, nginx, wrk, the client), from a 1 s top sample.
ours() {
    local postmaster
    echo "$app_pid"
    pgrep -f "ObservatoryLoad" || true
    pgrep -x wrk || true
    if [ -n "$nginx_pid" ]; then echo "$nginx_pid"; pgrep -P "$nginx_pid" || true; fi
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
machine_summary() {
    echo "load average while measuring: $(awk '/ load / {print $3}' "$work/machine.txt" | sort -n | sed -n '1p;$p' | tr '\n' ' ' | sed 's/ $//; s/ / to /')"
    local others
    others=$(awk '/ load / {s++} /other:/ {seen[s] = 1} END {print length(seen)}' "$work/machine.txt")
    if [ "$others" -gt 0 ]; then
        echo "other busy processes were seen in $others of $(grep -c ' load ' "$work/machine.txt") samples (10 s apart; see $work/machine.txt), e.g.:"
        grep "other:" "$work/machine.txt" | awk '{print $4 "\t" $0}' | sort -rn | cut -f2- | head -5
    else
        echo "no other process used 10 % of a core or more while measuring"
    fi
}

echo "machine before the run: $(uptime)"
echo "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $("$java" -version 2>&1 | head -1)"
fresh=false
[ -f "$data/PG_VERSION" ] || fresh=true
t0=$(date +%s%3N)
"$java" -jar "$jar" --server.port="$port" --maillage.embedded-db.dir="$data" \
    --maillage.demo.size=national --maillage.demo.campaign-years=10 \
    --maillage.demo.reference-date=2026-11-27 ${BENCH_APP_ARGS:-} >"$work/app.log" 2>&1 &
app_pid=$!
until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the application died, see $work/app.log" >&2; exit 1; }
    sleep 0.5
done
echo "application healthy in $(( $(date +%s%3N) - t0 )) ms (pid $app_pid, log $work/app.log, fresh data: $fresh)"
until [ -n "$(psql_app "select finished_at from demo_data_run where id = 1" 2>/dev/null)" ] \
    && [ "$(psql_app "select count(*) from demo_data_step where name = 'observatory.figures'")" = 1 ]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the application died, see $work/app.log" >&2; exit 1; }
    sleep 1
done
echo "demo data complete $(( $(date +%s%3N) - t0 )) ms after the start"
grep "Demo data:" "$work/app.log" | sed 's/.*Demo data: /  step /' || true

echo "--- data size"
psql_app "select 'structures: ' || count(*) || ' (' || count(*) filter (where status = 'ACTIVE') || ' active)' from structure"
psql_app "select 'campaigns: ' || count(*) || ', data years ' || min(data_year) || ' to ' || max(data_year) from campaign"
psql_app "select 'responses: ' || sum(n) || ' (' || string_agg(n || ' ' || status, ', ' order by status) || ')'
          from (select status, count(*) n from response group by status) s"
psql_app "select '  ' || c.data_year || ': ' || count(r.id) || ' responses, '
          || count(r.id) filter (where r.status = 'VALIDATED') || ' validated'
          from campaign c left join response r on r.campaign_id = c.id group by c.data_year order by c.data_year"
psql_app "select 'answers: ' || count(*) from answer"
psql_app "select 'figures: ' || sum(n) || ' rows in observatory_figure; per data year: '
          || string_agg(y || ' ' || n, ', ' order by y) from (select data_year y, count(*) n
          from observatory_figure group by data_year) f"
year=$(psql_app "select max(k.data_year) from campaign k where k.data_year <= extract(year from now())::int - 1
                 and exists (select 1 from response r where r.campaign_id = k.id and r.status = 'VALIDATED')")
echo "latest data year with validated responses: $year"

sample_machine &
sampler_pid=$!

if [[ $parts == *" times "* ]]; then
    echo "--- server time of every territory's page and figures (client: bench/ObservatoryLoad.java, localhost)"
    "$java" -cp "$driver" bench/ObservatoryLoad.java times --base-url "$base" --db-dir "$data" \
        --kinds "${BENCH_KINDS:-pages,api}" --cold "${BENCH_COLD:-3}" --warm "${BENCH_WARM:-5}" \
        | tee "$work/times.txt"
fi

if [[ $parts == *" validate "* ]]; then
    echo "--- validate -> new figure visible through the API (polled every ${BENCH_POLL_MS:-50} ms)"
    "$java" -cp "$driver" bench/ObservatoryLoad.java validate --base-url "$base" --db-dir "$data" \
        --samples "${BENCH_SAMPLES:-20}" --poll-ms "${BENCH_POLL_MS:-50}" | tee "$work/validate.txt"
fi

if [[ $parts == *" wrk "* ]]; then
    echo "--- wrk: the département page, application against nginx serving the same bytes"
    page="/observatoire/departements/66?annee=$year"
    mkdir -p "$work/nginx/www" "$work/nginx/temp"
    curl -fsS -D "$work/page.headers" -o "$work/nginx/www/page.html" "$base$page"
    curl -fsS -o "$work/page-again.html" "$base$page"
    echo "page: $(wc -c <"$work/nginx/www/page.html") bytes; a second request gives the same bytes: $(cmp -s "$work/nginx/www/page.html" "$work/page-again.html" && echo yes || echo no)"
    echo "application's headers:"; sed 's/^/  /' "$work/page.headers" | tr -d '\r'
    cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
user root;
pid $PWD/$work/nginx/nginx.pid;
error_log $PWD/$work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    gzip off;
    sendfile on;
    types { text/html html; }
    default_type text/html;
    charset utf-8;
    client_body_temp_path $PWD/$work/nginx/temp/body;
    proxy_temp_path $PWD/$work/nginx/temp/proxy;
    fastcgi_temp_path $PWD/$work/nginx/temp/fastcgi;
    uwsgi_temp_path $PWD/$work/nginx/temp/uwsgi;
    scgi_temp_path $PWD/$work/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $PWD/$work/nginx/www;
        location = /observatoire/departements/66 { try_files /page.html =404; }
    }
}
EOF
    nginx -c "$PWD/$work/nginx/nginx.conf" &
    nginx_pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port$page"; do
        kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx died, see $work/nginx/error.log" >&2; exit 1; }
        sleep 0.2
    done
    curl -fsS -D "$work/nginx.headers" -o "$work/nginx-page.html" "http://127.0.0.1:$nginx_port$page"
    echo "nginx serves the same bytes: $(cmp -s "$work/nginx/www/page.html" "$work/nginx-page.html" && echo yes || echo no)"
    echo "nginx's headers:"; sed 's/^/  /' "$work/nginx.headers" | tr -d '\r'
    sessions_before=$(psql_app "select count(*) from spring_session")
    warm=${BENCH_WRK_WARMUP:-30s}
    duration=${BENCH_WRK_DURATION:-30s}
    echo "warm-up: wrk -c 50 -t 2 -d $warm on each"
    wrk -c 50 -t 2 -d "$warm" "http://127.0.0.1:$nginx_port$page" >"$work/wrk-nginx-warmup.txt"
    wrk -c 50 -t 2 -d "$warm" "$base$page" >"$work/wrk-app-warmup.txt"
    echo "warm-up: nginx $(awk '/Requests\/sec/ {print $2}' "$work/wrk-nginx-warmup.txt") req/s, application $(awk '/Requests\/sec/ {print $2}' "$work/wrk-app-warmup.txt") req/s"
    echo "measured: wrk -c 50 -t 2 -d $duration --latency, nginx then the application"
    nginx_before=$(ticks $nginx_pid $(pgrep -P "$nginx_pid"))
    wrk -c 50 -t 2 -d "$duration" --latency "http://127.0.0.1:$nginx_port$page" | tee "$work/wrk-nginx.txt"
    nginx_cpu=$(( $(ticks $nginx_pid $(pgrep -P "$nginx_pid")) - nginx_before ))
    app_before=$(ticks "$app_pid"); pg_before=$(ticks $(postgres_pids))
    wrk -c 50 -t 2 -d "$duration" --latency "$base$page" | tee "$work/wrk-app.txt"
    app_cpu=$(( $(ticks "$app_pid") - app_before )); pg_cpu=$(( $(ticks $(postgres_pids)) - pg_before ))
    awk -v n="$(awk '/requests in/ {print $1}' "$work/wrk-nginx.txt")" -v a="$(awk '/requests in/ {print $1}' "$work/wrk-app.txt")" \
        -v nc="$nginx_cpu" -v ac="$app_cpu" -v pc="$pg_cpu" 'BEGIN {
        printf "CPU during the measured runs: nginx %.1f s (%.3f ms a request); application %.1f s (%.2f ms a request), its PostgreSQL %.1f s (%.3f ms a request)\n",
            nc / 100, 10 * nc / n, ac / 100, 10 * ac / a, pc / 100, 10 * pc / a }'
    nginx_rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-nginx.txt")
    app_rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-app.txt")
    echo "requests/s: nginx $nginx_rps, application $app_rps, ratio $(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN {printf "%.1f %%", 100 * a / n}') (target >= 15 %)"
    echo "sessions in the database: $sessions_before before the wrk runs, $(psql_app "select count(*) from spring_session") after"
fi

kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
echo "--- machine"
echo "machine after the run: $(uptime)"
machine_summary

#!/usr/bin/env bash
# Measures the registry import on the packaged application with the small demo data:
#   1. generates a 4,000-line CSV of fictional structures over the small demo's
#      départements, with 3 bad lines (bench/registry-import-data.py);
#   2. signs in as the national administrator (password, then the TOTP code), uploads it
#      and checks that the preview names exactly those 3 lines;
#   3. uploads the corrected file, times its preview, confirms, and reads the server's own
#      measure of the confirmation ("Import confirmé : … en X ms" in its log) beside curl's;
#   4. uploads the corrected file again and checks that it would create and modify nothing.
# Usage: bench/registry-import.sh [rows]   (default 4000; BENCH_PORT, BENCH_REBUILD as startup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-4000}
port=${BENCH_PORT:-18081}
base="http://localhost:$port"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar=$(ls target/maillage-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    mvn -q -DskipTests package
    jar=$(ls target/maillage-*.jar | grep -v original | head -1)
fi
work=target/bench-import
rm -rf "$work" && mkdir -p "$work"
jar_cookies="$work/cookies.txt"
log="$work/app.log"

"$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" --maillage.embedded-db.dir="$PWD/$work/data" \
    --maillage.demo.size=small --maillage.mail.sender.enabled=false >"$log" 2>&1 &
echo $! >"$work/pid"
trap 'kill "$(cat "$work/pid")" 2>/dev/null || true' EXIT
until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$(cat "$work/pid")" 2>/dev/null || { echo "app died, see $log" >&2; exit 1; }
    sleep 0.2
done

csrf() { curl -fs -b "$jar_cookies" -c "$jar_cookies" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
totp() {
    python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
# Uploads $1; the preview page goes to $2; prints curl's total time in seconds.
upload() {
    curl -fs -b "$jar_cookies" -c "$jar_cookies" -o "$2" -w '%{time_total}' \
        -F "_csrf=$(csrf /registre/import)" -F "fichier=@$1;type=text/csv" "$base/registre/import"
}

token=$(csrf /connexion)
curl -fs -b "$jar_cookies" -c "$jar_cookies" -o /dev/null --data-urlencode "email=admin@maillage.example" \
    --data-urlencode "motDePasse=Maillage-demo-2026" --data-urlencode "_csrf=$token" "$base/connexion"
token=$(csrf /connexion/code)
curl -fs -b "$jar_cookies" -c "$jar_cookies" -o /dev/null --data-urlencode "code=$(totp X7YNYIOHDKUQUXJHDDR3DFAZ6MBWVH3B)" \
    --data-urlencode "_csrf=$token" "$base/connexion/code"
curl -fs -b "$jar_cookies" -o /dev/null "$base/registre/import" || { echo "sign-in failed" >&2; exit 1; }

expected=$(python3 bench/registry-import-data.py "$work/bad.csv" --bad --rows "$rows")
upload "$work/bad.csv" "$work/bad.html" >/dev/null
named=$(grep -o 'Ligne [0-9]*' "$work/bad.html" | awk '{print $2}' | sort -n | uniq | tr '\n' ' ' | sed 's/ $//')
if [ "$named" != "$expected" ]; then
    echo "preview named lines [$named], expected [$expected]" >&2; exit 1
fi
echo "preview of the bad file names exactly lines $named"

python3 bench/registry-import-data.py "$work/good.csv" --rows "$rows" >/dev/null
preview_s=$(upload "$work/good.csv" "$work/good.html")
grep -q "Confirmer l’import" "$work/good.html" || { echo "no confirmation offered, see $work/good.html" >&2; exit 1; }
id=$(grep -o 'name="import" value="[0-9]*"' "$work/good.html" | sed 's/.*value="//; s/"//')
fingerprint=$(grep -o 'name="apercu" value="[0-9a-f]*"' "$work/good.html" | sed 's/.*value="//; s/"//')
confirm_s=$(curl -fs -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -w '%{time_total}' \
    --data-urlencode "import=$id" --data-urlencode "apercu=$fingerprint" \
    --data-urlencode "_csrf=$(csrf /registre/import)" "$base/registre/import/confirmer")
server=$(grep -o 'Import confirmé : .*' "$log" | tail -1)
[ -n "$server" ] || { echo "no confirmation in $log" >&2; exit 1; }

upload "$work/good.csv" "$work/again.html" >/dev/null
grep -q "Aucune structure à créer" "$work/again.html" && grep -q "Aucune structure à modifier" "$work/again.html" \
    || { echo "re-import would change something, see $work/again.html" >&2; exit 1; }

echo "rows: $rows; preview (upload + checks): ${preview_s} s; confirm (curl): ${confirm_s} s; server: $server"
echo "re-import of the same file: 0 to create, 0 to modify"

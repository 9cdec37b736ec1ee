#!/usr/bin/env bash
# Bounded soak of the gateway (issue 5), loopback only: a fresh PostgreSQL schema, the microbundle with the
# sandbox on and a fast follow-up, N portals under injected faults, then a report from the database.
#   bench/soak/run.sh [Soak options, e.g. --portals 16 --seconds 120 --max-flows 600 --fault-every-ms 2000]
# Writes the report to target/soak/report.md (and prints it). Needs java 17, psql, PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${SOAK_PORT:-38080}
SCHEMA=soak_$(date +%Y%m%d%H%M%S)
OUT=target/soak
# the throwaway identity provider and archive key (production mode); BENCH_OUT is set on a line of its own, since
# an assignment in front of `source` is undone when it returns and bench_token needs it afterwards
BENCH_OUT=$OUT
source bench/lib.sh
PSQL=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qAt)
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)

ensure_built
compile_bench  # the client, bench/soak/Soak.java, into $OUT/classes
mkdir -p "$OUT"
if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then echo "port $PORT is taken; set SOAK_PORT" >&2; exit 1; fi

"${PSQL[@]}" -c "CREATE SCHEMA $SCHEMA"
DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"

# Fast follow-up so the record settles within a minute; the read timeout is short so a "timeout" fault
# (planned with a delay above it) costs seconds, and the intent grace stays above the read timeout.
DB_URL=$DB_URL DB_USER=postgres DB_PASSWORD=postgres java -Xmx768m "${PRODUCTION_OPTS[@]}" \
  -Dgateway.sandbox.enabled=true \
  -Dgateway.followup.interval-ms=500 -Dgateway.followup.initial-delay-seconds=1 \
  -Dgateway.followup.max-delay-seconds=5 -Dgateway.followup.intent-grace-seconds=8 \
  -Dassure/mp-rest/readTimeout=5000 \
  -jar target/assure-gateway-microbundle.jar --port "$PORT" --nocluster > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" | grep -q '"UP"' && break
  kill -0 $SERVER 2>/dev/null || { echo "server died; see $OUT/server.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health/ready" | grep -q '"UP"' || { echo "server not ready" >&2; exit 1; }

TOKEN=$(bench_token --role portal --tenant soak --minutes 120)
java -cp "$BENCH_CLASSES:$PGJDBC" soak.Soak --base "http://127.0.0.1:$PORT" --token "$TOKEN" \
  --jdbc "$DB_URL" "$@" > "$OUT/report.md"

{ echo; echo "Schema \`$SCHEMA\` (kept for inspection; drop it with \`DROP SCHEMA $SCHEMA CASCADE\`)."; } >> "$OUT/report.md"
cat "$OUT/report.md"

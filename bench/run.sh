#!/usr/bin/env bash
# The audit benchmark in one command: builds the gateway if needed, seeds the schema if it is empty
# (bench/seed.sh), starts the gateway on it (loopback, port BENCH_PORT, heap BENCH_XMX), runs
# bench/audit/AuditBench.java against it and stops it. Writes docs/audit-benchmark-results.md (latencies over HTTP
# and of the bare SQL, the 1,000,000-row exports and the server's heap) and docs/audit-plans.md (EXPLAIN
# ANALYZE of each main query). Bounded: BENCH_BUDGET_SECONDS (default 1200) for the client, then it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap stop_gateway EXIT

XMX=${BENCH_XMX:-512m}
ensure_built
compile_bench
processes=$("${PSQL[@]}" -Atc "SELECT count(*) FROM $BENCH_SCHEMA.verification_process" 2> /dev/null || echo 0)
if [ "${processes:-0}" -eq 0 ]; then
    bench/seed.sh
fi

echo "Starting the gateway on schema $BENCH_SCHEMA (port $BENCH_PORT, -Xmx$XMX)"
GC_LOG="$BENCH_OUT/gc.log"
rm -f "$GC_LOG"
start_gateway "-Xmx$XMX" "-Xlog:gc:file=$GC_LOG"
TOKEN=$(bench_token --role auditor --subject bench --minutes 120)
PGJDBC=$(ls target/assure-gateway/WEB-INF/lib/postgresql-*.jar)
BUDGET=${BENCH_BUDGET_SECONDS:-1200}
# a static file for the benchmark's HTTP floor row (Swagger UI's icon, from its webjar), if it is served
SWAGGER=$(basename "$(ls target/assure-gateway/WEB-INF/lib/swagger-ui-*.jar)" .jar)
STATIC_PATH="/webjars/swagger-ui/${SWAGGER#swagger-ui-}/favicon-16x16.png"
curl -sf -o /dev/null "http://127.0.0.1:$BENCH_PORT$STATIC_PATH" || STATIC_PATH=
timeout $((BUDGET + 300)) java -cp "$BENCH_CLASSES:target/classes:$PGJDBC" audit.AuditBench \
    --base "http://127.0.0.1:$BENCH_PORT" --jdbc "$BENCH_JDBC_URL" --user "$PG_USER" \
    --password "${PG_PASSWORD:-postgres}" --token "$TOKEN" --pid "$GATEWAY_PID" --xmx "$XMX" --gclog "$GC_LOG" \
    --samples "${BENCH_SAMPLES:-200}" --warmup "${BENCH_WARMUP:-30}" --global-warmup "${BENCH_GLOBAL_WARMUP:-500}" \
    --budget-seconds "$BUDGET" ${STATIC_PATH:+--static-path "$STATIC_PATH"} \
    --payara "$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)" \
    --commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src db pom.xml || echo ' with uncommitted changes')" \
    --results "${BENCH_RESULTS:-docs/audit-benchmark-results.md}" --plans "${BENCH_PLANS:-docs/audit-plans.md}"
echo "Results: ${BENCH_RESULTS:-docs/audit-benchmark-results.md}, plans: ${BENCH_PLANS:-docs/audit-plans.md}"

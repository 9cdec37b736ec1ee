#!/usr/bin/env bash
# Creates the benchmark's PostgreSQL schema anew with the gateway's own Flyway migrations (by starting the
# gateway on it once), then fills it with bench/seed.sql: 1,000,000 processes and about 5,000,000 events by
# default (BENCH_PROCESSES to change). Drops the schema first. About 3 minutes on 2 cores (3 min 14 s
# measured: 166 s of it bench/seed.sql, the rest the gateway's start-up that migrates).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PROCESSES=${BENCH_PROCESSES:-1000000}
trap stop_gateway EXIT

ensure_built
"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $BENCH_SCHEMA CASCADE" -c "CREATE SCHEMA $BENCH_SCHEMA"
echo "Migrating schema $BENCH_SCHEMA through the gateway's start-up"
start_gateway -Xmx512m
stop_gateway
echo "Seeding $PROCESSES processes"
start=$(date +%s)
PGOPTIONS="-c search_path=$BENCH_SCHEMA" "${PSQL[@]}" -v processes="$PROCESSES" -f bench/seed.sql \
    | tee "$BENCH_OUT/seed.log" | grep -v '^Time: [0-9.]* ms$' | grep -v '^$' || true
echo "Seeded in $(( $(date +%s) - start )) s"

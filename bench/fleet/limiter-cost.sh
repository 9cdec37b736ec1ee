#!/usr/bin/env bash
# What the fleet-wide cap costs one instance per Assure call (issue 16): one gateway on PostgreSQL (schema
# fleet_cost of database test) with its built-in sandbox answering at once, LIMITER_CALLS (default 300)
# sequential createDossier requests (one Assure call each) after LIMITER_WARMUP (default 300), first without the
# cap, then with gateway.assure.fleet-max-concurrent-calls=8; prints the median and mean request time of each.
# Loopback only, about two minutes. Run it under the shared lock:
#   flock -o /work/heavy.lock bench/fleet/limiter-cost.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_SCHEMA=fleet_cost BENCH_OUT=${LIMITER_OUT:-target/limiter-cost} BENCH_PORT=${LIMITER_PORT:-29380}
source bench/lib.sh
trap stop_gateway EXIT
TOKEN=$(bench_token --role portal --tenant cost --minutes 30)

requests() {  # count: sequential dossier creations, their times in ms on stdout
    for _ in $(seq 1 "$1"); do
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
            -H 'Content-Type: application/json' -d "{\"externalReference\":\"cost-$RANDOM$RANDOM\"}" \
            "http://127.0.0.1:$BENCH_PORT/api/v1/dossiers"
    done | awk '$1 != 201 { bad++ } { print $2 * 1000 } END { if (bad) print "non-201 answers: " bad > "/dev/stderr" }'
}

for cap in 0 8; do
    "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $BENCH_SCHEMA CASCADE" -c "CREATE SCHEMA $BENCH_SCHEMA" 2> /dev/null
    start_gateway -Xmx320m "-Dgateway.assure.fleet-max-concurrent-calls=$cap"
    requests "${LIMITER_WARMUP:-300}" > /dev/null
    requests "${LIMITER_CALLS:-300}" | sort -n | awk -v cap="$cap" '{ t[NR] = $1; s += $1 }
        END { printf "cap %s: %d requests, median %.2f ms, mean %.2f ms\n", cap, NR, t[int((NR + 1) / 2)], s / NR }'
    if [ "$cap" != 0 ]; then
        echo "permits held at the end: $("${PSQL[@]}" -Atc "SELECT count(*) FROM $BENCH_SCHEMA.assure_call_permit WHERE holder IS NOT NULL")"
    fi
    stop_gateway
done

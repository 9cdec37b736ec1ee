#!/usr/bin/env bash
# The fleet bench (issue 16) in one command, loopback only, bounded (FLEET_BUDGET_SECONDS, default 840): three
# gateway instances (ports FLEET_PORT+1..+3, default 29281..29283) behind HAProxy with the reference configuration
# server-config/haproxy/haproxy.cfg (on FLEET_PORT, default 29280), on one PostgreSQL (schema fleet of database
# test; the sandbox's own schema fleet_sandbox), with the sandbox in a JVM of its own (FLEET_PORT+10) answering
# every Assure call after FLEET_DELAY_MS (default 200). FLEET_PORTALS portals (default 6, bench/fleet/FleetBench.java)
# drive whole flows through HAProxy while the script goes through the phases:
#   warmup              load only
#   a-rolling-restart   each instance in turn: SIGTERM, wait for its exit, start it again, wait until HAProxy has it back
#   b-kill-9            one instance killed -9, started again after 10 s
#   c-postgres-restart  `pg_ctlcluster --skip-systemctl-redirect 15 main restart` (only when FLEET_PG_RESTART=1 and
#                       /work/heavy.lock is held, i.e. run as below; other tests on this PostgreSQL would fail)
# then reports per phase: flows, completed, lost, upstream calls duplicated, requests failed by status, time to
# the last failure. Report and logs in FLEET_OUT (default target/fleet); docs/fleet.md has the figures.
#   flock -o /work/heavy.lock env FLEET_PG_RESTART=1 bench/fleet/run.sh
# FLEET_GATEWAY_OPTS adds system properties to every instance, e.g. the fleet-wide limits toward Assure:
#   FLEET_GATEWAY_OPTS="-Dgateway.assure.fleet-max-concurrent-calls=6 -Dgateway.assure.fleet-shared-token=true"
# The report then also gives what the sandbox saw: the most Assure calls at once, and the tokens it issued.
# Needs haproxy (Debian: apt-get install haproxy), psql, openssl, PostgreSQL at 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../.."
# `flock /work/heavy.lock bench/fleet/run.sh` hands this shell the locked file: no process started here may keep
# it (a restarted PostgreSQL inherited it once and held the lock for everyone). flock itself keeps the lock.
for fd in /proc/$$/fd/*; do
    if [ "$(readlink "$fd")" = /work/heavy.lock ]; then eval "exec ${fd##*/}>&-"; fi
done
FLEET_PORT=${FLEET_PORT:-29280}
export BENCH_SCHEMA=fleet BENCH_OUT=${FLEET_OUT:-target/fleet}
source bench/lib.sh
BUDGET=${FLEET_BUDGET_SECONDS:-840}
DELAY=${FLEET_DELAY_MS:-200}
SANDBOX_PORT=$((FLEET_PORT + 10))
XMX=${FLEET_XMX:-320m}
OUT=$BENCH_OUT
PHASE="$OUT/phase"
PIDS=()
SANDBOX_PID= HAPROXY_PID= CLIENT_PID=
STARTED_AT=$(date +%s)

command -v haproxy > /dev/null || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 1; }
ensure_built
compile_bench
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
for port in "$FLEET_PORT" $((FLEET_PORT + 1)) $((FLEET_PORT + 2)) $((FLEET_PORT + 3)) "$SANDBOX_PORT"; do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
        echo "port $port is taken; set FLEET_PORT" >&2
        exit 1
    fi
done

stop_pid() {  # SIGTERM, then -9 after 40 s; by PID only
    local pid=$1
    [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null || return 0
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2> /dev/null || return 0; sleep 1; done
    kill -9 "$pid" 2> /dev/null || true
}
cleanup() {
    [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2> /dev/null || true
    for pid in "${PIDS[@]}"; do [ -n "$pid" ] && kill -9 "$pid" 2> /dev/null || true; done
    stop_pid "$SANDBOX_PID"
    [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2> /dev/null || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM
elapsed() { echo $(($(date +%s) - STARTED_AT)); }
over_budget() { [ "$(elapsed)" -gt "$BUDGET" ]; }

await_ready() {  # port pid: until /health/ready is UP (at most 150 s)
    for _ in $(seq 1 300); do
        curl -sf "http://127.0.0.1:$1/health/ready" > /dev/null 2>&1 && return 0
        kill -0 "$2" 2> /dev/null || { echo "the process on port $1 died; see $OUT" >&2; return 1; }
        sleep 0.5
    done
    echo "port $1 not ready in 150 s" >&2
    return 1
}

launch() {  # instance number 1..3: starts it in the background, PIDS[n] is its PID
    local n=$1
    DB_URL="$BENCH_JDBC_URL" DB_USER="$PG_USER" DB_PASSWORD="${PG_PASSWORD:-postgres}" \
        java "${PRODUCTION_OPTS[@]}" "-Xmx$XMX" -XX:TieredStopAtLevel=1 \
        "-Dassure/mp-rest/url=http://127.0.0.1:$SANDBOX_PORT/sandbox/assure" \
        "-Dassure.auth.token-url=http://127.0.0.1:$SANDBOX_PORT/sandbox/auth/open/connect/token" \
        -Dgateway.shutdown.drain-seconds=5 -Dgateway.shutdown.in-flight-seconds=20 ${FLEET_GATEWAY_OPTS:-} \
        -jar "$BENCH_JAR" --port $((FLEET_PORT + n)) --nocluster >> "$OUT/gateway-$n.log" 2>&1 &
    PIDS[$n]=$!
}

in_haproxy() {  # instance number: until HAProxy's health checks have it UP again (rise 2 x inter 2 s)
    for _ in $(seq 1 30); do
        curl -s "http://127.0.0.1:$((FLEET_PORT - 1))/;csv" | grep -q "^gateways,gw$1,.*,UP," && return 0
        sleep 1
    done
    echo "HAProxy did not take gw$1 back" >&2
    return 1
}

rm -f "$OUT"/gateway-*.log "$OUT/phase"
"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS fleet CASCADE" -c "CREATE SCHEMA fleet" \
    -c "DROP SCHEMA IF EXISTS fleet_sandbox CASCADE" -c "CREATE SCHEMA fleet_sandbox"

echo "$(elapsed) s: sandbox on $SANDBOX_PORT, answer delay $DELAY ms"
DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE?currentSchema=fleet_sandbox" DB_USER="$PG_USER" \
    DB_PASSWORD="${PG_PASSWORD:-postgres}" java "${PRODUCTION_OPTS[@]}" "-Xmx$XMX" -XX:TieredStopAtLevel=1 \
    -Dgateway.sandbox.answer-delay-ms="$DELAY" -Dgateway.followup.initial-delay-seconds=86400 \
    -Dgateway.health.assure-cache-seconds=86400 \
    -jar "$BENCH_JAR" --port "$SANDBOX_PORT" --nocluster > "$OUT/sandbox.log" 2>&1 &
SANDBOX_PID=$!
await_ready "$SANDBOX_PORT" "$SANDBOX_PID"
# the first instance migrates the schema alone; the other two start together after it
launch 1
await_ready $((FLEET_PORT + 1)) "${PIDS[1]}"
launch 2; launch 3
await_ready $((FLEET_PORT + 2)) "${PIDS[2]}"; await_ready $((FLEET_PORT + 3)) "${PIDS[3]}"
echo "$(elapsed) s: three instances ready"
sandbox_control() {  # path under sandbox/control: the sandbox's count, as JSON
    curl -sf -H "X-Sandbox-Control-Secret: $SANDBOX_CONTROL_SECRET" "http://127.0.0.1:$SANDBOX_PORT/sandbox/control/$1"
}
TOKENS_AT_START=$(sandbox_control tokens)

HAPROXY_ERRORS="$(pwd)/server-config/haproxy/errors" LB_BIND="127.0.0.1:$FLEET_PORT" LB_STATS_BIND="127.0.0.1:$((FLEET_PORT - 1))" GATEWAY_1="127.0.0.1:$((FLEET_PORT + 1))" \
    GATEWAY_2="127.0.0.1:$((FLEET_PORT + 2))" GATEWAY_3="127.0.0.1:$((FLEET_PORT + 3))" \
    haproxy -db -f server-config/haproxy/haproxy.cfg > "$OUT/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for n in 1 2 3; do in_haproxy "$n"; done

TOKEN=$(bench_token --role portal --tenant fleet --minutes 120)
echo warmup > "$PHASE"
# idle connections end on the client first: HAProxy closes them after its http-keep-alive timeout (10 s), and a
# request sent on one it is closing would fail with a broken connection
java -Djdk.httpclient.keepalive.timeout=5 -cp "$BENCH_CLASSES:$PGJDBC" fleet.FleetBench --base "http://127.0.0.1:$FLEET_PORT" --token "$TOKEN" \
    --jdbc "$BENCH_JDBC_URL" --phase-file "$PHASE" --portals "${FLEET_PORTALS:-6}" > "$OUT/report-table.md" 2> "$OUT/client.log" &
CLIENT_PID=$!
sleep 30

declare -A TOOK
echo a-rolling-restart > "$PHASE"
for n in 1 2 3; do
    over_budget && { echo "over budget: stopping early" >&2; break; }
    t0=$(date +%s%3N)
    kill "${PIDS[$n]}"
    while kill -0 "${PIDS[$n]}" 2> /dev/null; do sleep 0.2; done
    t1=$(date +%s%3N)
    launch "$n"
    await_ready $((FLEET_PORT + n)) "${PIDS[$n]}"
    in_haproxy "$n"
    TOOK[a$n]="gw$n: SIGTERM to exit $(( (t1 - t0) / 1000 )) s, back in HAProxy after $(( ($(date +%s%3N) - t0) / 1000 )) s"
    echo "$(elapsed) s: ${TOOK[a$n]}"
done
sleep 10

if ! over_budget; then
    echo b-kill-9 > "$PHASE"
    t0=$(date +%s%3N)
    kill -9 "${PIDS[2]}"
    sleep 10
    launch 2
    await_ready $((FLEET_PORT + 2)) "${PIDS[2]}"
    in_haproxy 2
    TOOK[b]="gw2: kill -9, started again 10 s later, back in HAProxy after $(( ($(date +%s%3N) - t0) / 1000 )) s"
    echo "$(elapsed) s: ${TOOK[b]}"
    sleep 10
fi

if [ "${FLEET_PG_RESTART:-0}" = 1 ] && ! over_budget; then
    if flock -n /work/heavy.lock true 2> /dev/null; then
        echo "/work/heavy.lock is not held: not restarting the shared PostgreSQL (run under flock)" >&2
    else
        echo c-postgres-restart > "$PHASE"
        t0=$(date +%s%3N)
        pg_ctlcluster --skip-systemctl-redirect 15 main restart
        t1=$(date +%s%3N)
        for _ in $(seq 1 60); do
            curl -sf "http://127.0.0.1:$FLEET_PORT/health/ready" > /dev/null 2>&1 && break
            sleep 0.5
        done
        TOOK[c]="PostgreSQL restart took $(( t1 - t0 )) ms; readiness through HAProxy UP again after $(( ($(date +%s%3N) - t0) / 1000 )) s"
        echo "$(elapsed) s: ${TOOK[c]}"
        sleep 20
    fi
fi

echo stop > "$PHASE"
wait "$CLIENT_PID" || true
CLIENT_PID=
{
    echo "Fleet bench, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+local changes');" \
        "$(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB; $(java -version 2>&1 | head -1); PostgreSQL $("${PSQL[@]}" -Atc 'SHOW server_version');" \
        "$(haproxy -v | head -1 | cut -d' ' -f1-3); ${FLEET_PORTALS:-6} portals; sandbox delay $DELAY ms; -Xmx$XMX; load before the end $(cut -d' ' -f1-3 /proc/loadavg); $(elapsed) s in all"
    echo
    cat "$OUT/report-table.md"
    echo
    for k in "${!TOOK[@]}"; do echo "- ${TOOK[$k]}"; done | sort
    echo "- instance options: ${FLEET_GATEWAY_OPTS:-none}; the sandbox saw at most $(sandbox_control in-flight | sed 's/.*"most":\([0-9]*\).*/\1/') Assure calls at once;" \
        "tokens issued: $(echo "$TOKENS_AT_START" | tr -dc 0-9) by the time the instances were ready, $(sandbox_control tokens | tr -dc 0-9) at the end"
    echo "- gateway log lines on the shutdown: $(grep -hE 'Shutdown: (every|[0-9]+ requests|handed back)' "$OUT"/gateway-*.log | sed 's/.*Shutdown: /Shutdown: /' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
} > "$OUT/report.md"
cat "$OUT/report.md"

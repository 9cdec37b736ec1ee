#!/usr/bin/env bash
# The performance benchmark (issue 8) in one command, loopback only: builds the gateway if needed, starts the
# microbundle on a fresh PostgreSQL schema (BENCH_SCHEMA, default perf; port BENCH_PORT, default 29180; heap
# BENCH_XMX, default 512m) with the sandbox answering every Assure call after BENCH_DELAY_MS (default 50),
# measures its start-up to ready (BENCH_STARTS times), runs bench/perf/PerfBench.java (whole FaceTec flows at BENCH_LEVELS portals,
# through the gateway and straight at the sandbox, BENCH_SECONDS per phase), draws the plots
# (bench/perf/Plots.java) and stops the gateway. Bounded: BENCH_BUDGET_SECONDS (default 900) for the client.
# Before the measured phases it warms both JVMs up for at least BENCH_WARMUP_SECONDS (default 60) and then until their
# JIT compilers are quiet, at most BENCH_MAX_WARMUP_SECONDS (default 300).
# BENCH_JAR runs another build of the microbundle (e.g. a copy of an earlier one, for before/after figures; name its
# commit in BENCH_JAR_COMMIT); BENCH_JFR=file records a flight recording of the gateway for profiles.
# By default (BENCH_SANDBOX=separate) the sandbox runs in a JVM of its own (the same jar on BENCH_SANDBOX_PORT, default
# 29190, with the same heap and options, on schema <BENCH_SCHEMA>_sandbox) and the gateway's Assure client points at
# it, so the gateway's CPU, heap and GCs are its own; the floor is measured against that JVM. Both run in production
# mode behind a throwaway identity provider (bench/lib.sh); the gateway keeps its own sandbox enabled but does not
# call it. BENCH_SANDBOX=inside runs
# the sandbox in the gateway's JVM instead (how the runs before docs/evidence/performance/steady-* were made).
# Writes {results.md,steps.csv,phases.csv,inflight.csv,*.png} to BENCH_RESULTS_DIR, by default a new run folder
# docs/evidence/performance/run-<UTC time> (never over a kept run nor beside the report docs/performance/README.md);
# rename a run you keep and add it to docs/evidence/README.md.
# Wrap measured runs in `flock /work/heavy.lock bench/perf/run.sh` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_SCHEMA=${BENCH_SCHEMA:-perf} BENCH_PORT=${BENCH_PORT:-29180} BENCH_OUT=${BENCH_OUT:-target/perf}
BENCH_READY_POLL=${BENCH_READY_POLL:-0.1}
source bench/lib.sh
SANDBOX_PID=
# stops the separate sandbox, by its PID, with the same steps as the gateway
stop_sandbox() {
    if [ -n "$SANDBOX_PID" ]; then
        local gateway=$GATEWAY_PID
        GATEWAY_PID=$SANDBOX_PID
        stop_gateway
        GATEWAY_PID=$gateway
        SANDBOX_PID=
    fi
}
trap 'stop_gateway; stop_sandbox' EXIT

XMX=${BENCH_XMX:-512m}
# the JVM options docs/performance/README.md recommends for the gateway (BENCH_GATEWAY_OPTS= runs without them):
# regions of 4 MB so that a faceScan request (about 0.7 MB) is not a humongous object that starts a concurrent
# GC cycle, and the JSON-P provider named so that Payara's JWT parser does not look it up on every request
GATEWAY_OPTS=${BENCH_GATEWAY_OPTS-"-XX:G1HeapRegionSize=4m -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl"}
DELAY=${BENCH_DELAY_MS:-50}
RESULTS=${BENCH_RESULTS_DIR:-docs/evidence/performance/run-$(date -u +%Y%m%d-%H%M%S)}
BUDGET=${BENCH_BUDGET_SECONDS:-900}
SANDBOX=${BENCH_SANDBOX:-separate}
SANDBOX_PORT=${BENCH_SANDBOX_PORT:-29190}
ensure_built
if (exec 3<> "/dev/tcp/127.0.0.1/$BENCH_PORT") 2> /dev/null; then
    echo "port $BENCH_PORT is taken; set BENCH_PORT" >&2
    exit 1
fi
if [ "$SANDBOX" = separate ] && (exec 3<> "/dev/tcp/127.0.0.1/$SANDBOX_PORT") 2> /dev/null; then
    echo "port $SANDBOX_PORT is taken; set BENCH_SANDBOX_PORT" >&2
    exit 1
fi

# the client and the plots (with the JVM probes they read the servers with, bench/common), into $BENCH_OUT/classes
compile_bench

"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $BENCH_SCHEMA CASCADE" -c "CREATE SCHEMA $BENCH_SCHEMA"
GC_LOG="$BENCH_OUT/gc.log"
rm -f "$GC_LOG"
JFR=()
if [ -n "${BENCH_JFR:-}" ]; then  # a flight recording of the whole run, for profiles: BENCH_JFR=target/perf/gateway.jfr
    JFR=("-XX:FlightRecorderOptions=stackdepth=256" "-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile,dumponexit=true")
fi
SANDBOX_ARGS=()
GATEWAY_ASSURE_OPTS=()
SANDBOX_INFO="sandbox in the gateway's JVM"
if [ "$SANDBOX" = separate ]; then
    SANDBOX_SCHEMA="${BENCH_SCHEMA}_sandbox"
    SANDBOX_GC_LOG="$BENCH_OUT/sandbox-gc.log"
    rm -f "$SANDBOX_GC_LOG"
    "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SANDBOX_SCHEMA CASCADE" -c "CREATE SCHEMA $SANDBOX_SCHEMA"
    echo "Starting the sandbox in a JVM of its own on schema $SANDBOX_SCHEMA (port $SANDBOX_PORT, -Xmx$XMX)"
    gateway_port=$BENCH_PORT gateway_jdbc_url=$BENCH_JDBC_URL
    BENCH_PORT=$SANDBOX_PORT BENCH_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE?currentSchema=$SANDBOX_SCHEMA"
    BENCH_INSTANCE=sandbox
    start_gateway "-Xmx$XMX" "-Xlog:gc:file=$SANDBOX_GC_LOG" -Dgateway.sandbox.answer-delay-ms="$DELAY" \
        -Dgateway.followup.initial-delay-seconds=86400 -Dgateway.archive.enabled=false $GATEWAY_OPTS
    SANDBOX_PID=$GATEWAY_PID GATEWAY_PID=
    BENCH_PORT=$gateway_port BENCH_JDBC_URL=$gateway_jdbc_url
    unset BENCH_INSTANCE
    echo "Sandbox ready after $GATEWAY_READY_MS ms (PID $SANDBOX_PID)"
    SANDBOX_ARGS=(--sandbox-base "http://127.0.0.1:$SANDBOX_PORT" --sandbox-pid "$SANDBOX_PID" --sandbox-gclog "$SANDBOX_GC_LOG")
    GATEWAY_ASSURE_OPTS=("-Dassure/mp-rest/url=http://127.0.0.1:$SANDBOX_PORT/sandbox/assure"
        "-Dassure.auth.token-url=http://127.0.0.1:$SANDBOX_PORT/sandbox/auth/open/connect/token")
    SANDBOX_INFO="sandbox in a JVM of its own (port $SANDBOX_PORT, -Xmx$XMX, same options)"
fi
# the follow-up and the archive are kept out of the measured window (first look after a day, no archive), so
# each portal call maps to exactly one Assure call and the floor is the same set of calls
# start-up to ready, BENCH_STARTS times (default 3): the first on the empty schema (Flyway migrates it), the others
# on the migrated one; the last start is the one measured below
STARTS=${BENCH_STARTS:-3}
READY=()
for i in $(seq 1 "$STARTS"); do
    echo "Starting the gateway on schema $BENCH_SCHEMA (port $BENCH_PORT, -Xmx$XMX, sandbox answer delay $DELAY ms), start $i of $STARTS"
    start_gateway "-Xmx$XMX" "-Xlog:gc:file=$GC_LOG" -Dgateway.sandbox.answer-delay-ms="$DELAY" \
        -Dgateway.followup.initial-delay-seconds=86400 -Dgateway.archive.enabled=false "${JFR[@]}" $GATEWAY_OPTS \
        "${GATEWAY_ASSURE_OPTS[@]}" ${BENCH_JVM_OPTS:-}
    echo "Ready after $GATEWAY_READY_MS ms (from java -jar to the first UP of /health/ready)"
    READY+=("$GATEWAY_READY_MS")
    if [ "$i" -lt "$STARTS" ]; then
        stop_gateway
        rm -f "$GC_LOG"
    fi
done
TOKEN=$(bench_token --role portal --tenant perf --minutes 120)
INFO="start-up to ready (ms, first on the empty schema): ${READY[*]}; -Xmx$XMX ${GATEWAY_OPTS:-(no further JVM options)}; sandbox answer delay $DELAY ms; $SANDBOX_INFO; $(nproc) cores; \
$(java -version 2>&1 | head -1); PostgreSQL $("${PSQL[@]}" -Atc 'SHOW server_version'); \
load before the run $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%M:%SZ); $BENCH_JAR of commit ${BENCH_JAR_COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+local changes')}"
mkdir -p "$RESULTS"
timeout $((BUDGET + 300)) java -cp "$BENCH_CLASSES:target/classes" perf.PerfBench --base "http://127.0.0.1:$BENCH_PORT" \
    --token "$TOKEN" --pid "$GATEWAY_PID" --gclog "$GC_LOG" --levels "${BENCH_LEVELS:-1,8,32,128}" \
    --seconds "${BENCH_SECONDS:-30}" --warmup-seconds "${BENCH_WARMUP_SECONDS:-60}" \
    --max-warmup-seconds "${BENCH_MAX_WARMUP_SECONDS:-300}" --budget-seconds "$BUDGET" \
    --out "$RESULTS" --run-info "$INFO" "${SANDBOX_ARGS[@]}"
# BENCH_COMPARE_DIR=docs/evidence/performance/before adds plots against that earlier run (named BENCH_COMPARE_NAME)
java -Djava.awt.headless=true -cp "$BENCH_CLASSES" perf.Plots "$RESULTS" \
    ${BENCH_COMPARE_DIR:+"$BENCH_COMPARE_DIR" "${BENCH_COMPARE_NAME:-earlier}"}
echo "Results: $RESULTS/results.md and its plots"

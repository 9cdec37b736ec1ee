# Shared by bench/seed.sh, bench/run.sh, bench/perf/run.sh and bench/soak/run.sh: where the benchmark's database and
# gateway are, how the gateway is started and stopped (by its PID, never by name), and how the clients are compiled.
BENCH_SCHEMA=${BENCH_SCHEMA:-bench}
BENCH_PORT=${BENCH_PORT:-29080}
BENCH_OUT=${BENCH_OUT:-target/bench}
BENCH_JAR=${BENCH_JAR:-target/assure-gateway-microbundle.jar}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_DATABASE=${PG_DATABASE:-test}
PG_USER=${PG_USER:-postgres}
BENCH_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE?currentSchema=$BENCH_SCHEMA"
PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -X -q -v ON_ERROR_STOP=1)
mkdir -p "$BENCH_OUT"

# The gateways run as production does (gateway.mode=production) on PostgreSQL: development mode refuses a
# database server. They trust a throwaway identity provider made for this run (an RSA key pair in
# $BENCH_OUT/idp) and seal archives with a throwaway key; bench_token mints the benchmark's tokens with it.
BENCH_IDP_ISSUER=bench-idp
make_idp() {
    local dir="$BENCH_OUT/idp"
    if [ ! -f "$dir/signing-key.pem" ]; then
        mkdir -p "$dir"
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/signing-key.pem" 2> /dev/null
        openssl pkey -in "$dir/signing-key.pem" -pubout -out "$dir/public-key.pem"
        head -c 32 /dev/urandom | base64 > "$dir/archive-key"
    fi
    PRODUCTION_OPTS=(-Dgateway.mode=production "-Dmp.jwt.verify.publickey.location=file:$(realpath "$dir/public-key.pem")"
        "-Dmp.jwt.verify.issuer=$BENCH_IDP_ISSUER" -Dgateway.archive.key-id=bench
        "-Dgateway.archive.key.bench=$(cat "$dir/archive-key")"
        "-Dgateway.sandbox.control-secret=$SANDBOX_CONTROL_SECRET")
}
# the sandbox's fault hooks need a secret of their own; the clients (Soak, PerfBench) read it from the environment
export SANDBOX_CONTROL_SECRET=${SANDBOX_CONTROL_SECRET:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}
make_idp

# bench_token DevTokens-options...: a token of the benchmark's identity provider, e.g. bench_token --role portal
bench_token() {
    java -cp target/classes com.assuregateway.security.control.DevTokens --key "$BENCH_OUT/idp/signing-key.pem" \
        --issuer "$BENCH_IDP_ISSUER" "$@"
}

# compile_bench: the benchmarks' clients, every bench/**/*.java (packages audit, perf, soak and common, the JVM probes
# audit and perf share), into $BENCH_OUT/classes against the gateway's target/classes, as the Maven profile bench
# compiles them into target/bench-classes (mvn -Pbench, which CI builds). Sets BENCH_CLASSES.
compile_bench() {
    BENCH_CLASSES="$BENCH_OUT/classes"
    local sources
    mapfile -t sources < <(find bench -name '*.java' | sort)
    rm -rf "$BENCH_CLASSES" && mkdir -p "$BENCH_CLASSES"
    javac -nowarn --release 17 -d "$BENCH_CLASSES" -cp target/classes "${sources[@]}"
}

ensure_built() {
    if [ ! -f target/assure-gateway-microbundle.jar ] || [ ! -d target/classes ]; then
        mvn -B -q package -DskipTests
    fi
}

# start_gateway [extra JVM options...]: the microbundle on the bench schema, loopback only; waits for ready.
# Sets GATEWAY_PID and GATEWAY_READY_MS (milliseconds from `java -jar` to the first UP of /health/ready, polled
# every BENCH_READY_POLL seconds, default 1). Log and PID file are named after BENCH_INSTANCE (default gateway).
start_gateway() {
    local log="$BENCH_OUT/${BENCH_INSTANCE:-gateway}.log" poll=${BENCH_READY_POLL:-1} started
    started=$(date +%s%3N)
    DB_URL="$BENCH_JDBC_URL" DB_USER="$PG_USER" DB_PASSWORD="${PG_PASSWORD:-postgres}" \
        java "${PRODUCTION_OPTS[@]}" "$@" -jar "$BENCH_JAR" --port "$BENCH_PORT" --nocluster \
        > "$log" 2>&1 &
    GATEWAY_PID=$!
    GATEWAY_READY_MS=
    echo "$GATEWAY_PID" > "$BENCH_OUT/${BENCH_INSTANCE:-gateway}.pid"
    local until=$((started + 120000))
    while [ "$(date +%s%3N)" -lt "$until" ]; do
        if curl -sf "http://127.0.0.1:$BENCH_PORT/health/ready" > /dev/null 2>&1; then
            GATEWAY_READY_MS=$(($(date +%s%3N) - started))
            return 0
        fi
        if ! kill -0 "$GATEWAY_PID" 2> /dev/null; then
            echo "The gateway stopped during start-up; see $log" >&2
            return 1
        fi
        sleep "$poll"
    done
    echo "The gateway was not ready within 120 s; see $log" >&2
    stop_gateway
    return 1
}

stop_gateway() {
    if [ -n "${GATEWAY_PID:-}" ] && kill -0 "$GATEWAY_PID" 2> /dev/null; then
        kill "$GATEWAY_PID"
        for _ in $(seq 1 30); do
            kill -0 "$GATEWAY_PID" 2> /dev/null || break
            sleep 1
        done
        kill -9 "$GATEWAY_PID" 2> /dev/null || true
    fi
    GATEWAY_PID=
}

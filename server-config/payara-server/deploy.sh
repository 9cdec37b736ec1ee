#!/usr/bin/env bash
# Proof that the gateway runs on full Payara Server 6, run by hand (minutes; not part of mvn verify):
# unpacks the distribution into target/, creates and starts a domain (admin console on 4848, HTTP on 28080),
# configures it with setup.asadmin, deploys target/assure-gateway.war, waits for /health/ready, walks a dossier
# and a FaceTec process through the API (built-in sandbox), then stops the domain.
#
#   mvn -B package -DskipTests && server-config/payara-server/deploy.sh [--keep] [--screenshots]
# (a build first: the WAR, and target/classes for the tool that mints the walk-through's tokens)
# The domain runs in production mode behind a throwaway identity provider (an RSA key pair made in target/ with
# openssl) and a throwaway archive key: the development keys are not trusted beside PostgreSQL.
#
#   --keep         leave the domain running (stop it with target/payara-server/payara6/bin/asadmin stop-domain assure-gateway)
#   --screenshots  also take the admin-console screenshots of docs/admin-console.md into docs/images/
#                  (installs playwright-core with npm into target/; drives Debian's /usr/bin/chromium)
#
# Environment: DB_URL (default: PostgreSQL 127.0.0.1:5432, database assure_gateway_demo, dropped and created anew),
# DB_USER (postgres), DB_PASSWORD (becomes the password alias db.password), ADMIN_PORT (4848), HTTP_PORT (28080).
set -euo pipefail
cd "$(dirname "$0")/../.."

KEEP=false
SCREENSHOTS=false
for arg in "$@"; do
    case "$arg" in
        --keep) KEEP=true ;;
        --screenshots) SCREENSHOTS=true ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

PAYARA_VERSION=6.2025.10
DOMAIN=assure-gateway
ADMIN_PORT=${ADMIN_PORT:-4848}
HTTP_PORT=${HTTP_PORT:-28080}
DB_URL=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/assure_gateway_demo}
DB_USER=${DB_USER:-postgres}
DB_PASSWORD=${DB_PASSWORD:-demo-only-password}
WORK=target/payara-server
ASADMIN="$WORK/payara6/bin/asadmin"
WAR=target/assure-gateway.war
BASE="http://127.0.0.1:$HTTP_PORT"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ -f "$WAR" ] || fail "$WAR is missing: run mvn -B package -DskipTests first"

step "Payara Server $PAYARA_VERSION in $WORK"
mkdir -p "$WORK"
if [ ! -x "$ASADMIN" ]; then
    [ -f "$WORK/payara-$PAYARA_VERSION.zip" ] || mvn -B -q dependency:copy \
        -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" -DoutputDirectory="$WORK"
    unzip -q -o "$WORK/payara-$PAYARA_VERSION.zip" -d "$WORK"
fi

if [ "$DB_URL" = "jdbc:postgresql://127.0.0.1:5432/assure_gateway_demo" ]; then
    # the demo's own database, made anew: each run proves a first deployment, migrations included
    step "PostgreSQL database assure_gateway_demo, made anew"
    dropdb -h 127.0.0.1 -U "$DB_USER" --if-exists assure_gateway_demo
    createdb -h 127.0.0.1 -U "$DB_USER" assure_gateway_demo
fi

step "Domain $DOMAIN (admin $ADMIN_PORT, HTTP $HTTP_PORT; the other ports moved off their defaults)"
"$ASADMIN" stop-domain "$DOMAIN" >/dev/null 2>&1 || true
"$ASADMIN" delete-domain "$DOMAIN" >/dev/null 2>&1 || true
"$ASADMIN" create-domain --nopassword --adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT" \
    --domainproperties "http.ssl.port=28181:jms.port=27676:domain.jmxPort=28686:orb.listener.port=23700:orb.ssl.port=23820:orb.mutualauth.port=23920:java.debugger.port=29009:osgi.shell.telnet.port=26666:hazelcast.das.port=24900:hazelcast.start.port=25900" \
    "$DOMAIN" >/dev/null
"$ASADMIN" start-domain "$DOMAIN"
if [ "$KEEP" = false ]; then
    trap '"$ASADMIN" stop-domain "$DOMAIN" >/dev/null 2>&1 || true' EXIT
fi

step "Throwaway identity provider key and archive key in $WORK/idp"
IDP="$WORK/idp"
IDP_ISSUER=payara-demo-idp
mkdir -p "$IDP"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$IDP/signing-key.pem" 2> /dev/null
openssl pkey -in "$IDP/signing-key.pem" -pubout -out "$IDP/public-key.pem"
token() { java -cp target/classes com.assuregateway.security.control.DevTokens --key "$IDP/signing-key.pem" \
    --issuer "$IDP_ISSUER" --minutes 30 "$@"; }

step "setup.asadmin"
PASSWORDS="$WORK/passwords.txt"
( umask 077; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$(head -c 32 /dev/urandom | base64)" > "$PASSWORDS" )
"$ASADMIN" --passwordfile "$PASSWORDS" create-password-alias gateway.archive.key.demo
( umask 077; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$DB_PASSWORD" > "$PASSWORDS" )
sed -e "s|@DB_URL@|$DB_URL|" -e "s|@DB_USER@|$DB_USER|" -e "s|@SANDBOX_ENABLED@|true|" \
    -e "s|@JWT_KEY_LOCATION@|file:$(realpath "$IDP/public-key.pem")|" -e "s|@JWT_ISSUER@|$IDP_ISSUER|" \
    -e "s|@ARCHIVE_KEY_ID@|demo|" \
    -e "s|@ASSURE_URL@|$BASE/sandbox/assure|" -e "s|@ASSURE_TOKEN_URL@|$BASE/sandbox/auth/open/connect/token|" \
    server-config/payara-server/setup.asadmin > "$WORK/setup.asadmin"
"$ASADMIN" --passwordfile "$PASSWORDS" multimode --file "$WORK/setup.asadmin"
rm -f "$PASSWORDS"
"$ASADMIN" restart-domain "$DOMAIN" >/dev/null

step "Deploy $WAR at /"
"$ASADMIN" deploy --name assure-gateway --contextroot / "$WAR"

step "Readiness"
ready=""
for _ in $(seq 1 60); do
    ready=$(curl -s "$BASE/health/ready" || true)
    grep -q '^{"status":"UP"' <<<"$ready" && break
    sleep 2
done
echo "$ready"
grep -q '^{"status":"UP"' <<<"$ready" || fail "/health/ready is not UP"

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
expect() { [ "$1" = "$2" ] || fail "$3: expected $2, got $1"; }

step "A dossier and a FaceTec process through the API (a portal's development token)"
API="$BASE/api/v1"
TOKEN=$(token --role portal --tenant payara-demo)
AUTH="Authorization: Bearer $TOKEN"
answer=$(curl -s -w '\n%{http_code}' -X POST "$API/dossiers" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"externalReference\":\"payara-server-$(date +%s)\"}")
expect "$(tail -n1 <<<"$answer")" 201 "open dossier"
D=$(head -n1 <<<"$answer" | json '["dossierId"]')
echo "dossier $D"
answer=$(curl -s -w '\n%{http_code}' -X POST "$API/dossiers/$D/processes" -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"provider":"facetec"}')
expect "$(tail -n1 <<<"$answer")" 201 "create process"
P=$(head -n1 <<<"$answer" | json '["processId"]')
echo "process $P"
python3 -c "import base64,sys;sys.stdout.buffer.write(base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'))" > "$WORK/selfie.png"
expect "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$API/dossiers/$D/processes/$P/selfie" -H "$AUTH" \
    -H 'Content-Type: image/png' --data-binary @"$WORK/selfie.png")" 204 "reference photo"
expect "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$API/dossiers/$D/processes/$P/verification" -H "$AUTH" \
    -H 'Content-Type: application/json' -d '{"facetecEnrollment":{"faceScan":"ZmFjZVNjYW4=","auditTrailImage":"/9j/4AAQ",
      "lowQualityAuditTrailImage":"/9j/4AAQ","userAgent":"facetec|sdk|web|payara-server-demo|sandbox:accepted"},
      "imageDepiction":"selfie"}')" 202 "start verification"
status=""
for _ in $(seq 1 30); do
    status=$(curl -s -H "$AUTH" "$API/dossiers/$D/processes/$P" | json '["status"]')
    [ "$status" != pending ] && [ "$status" != processing ] && break
    sleep 1
done
expect "$status" accepted "final status"
echo "process $P: $status"
expect "$(curl -s -o "$WORK/full-result.zip" -w '%{http_code}' -H "$AUTH" "$API/dossiers/$D/processes/$P/full-result")" 200 "full result"
unzip -l "$WORK/full-result.zip" | tail -n +2
expect "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/openapi")" 200 "/openapi"
expect "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api-docs/index.html")" 200 "Swagger UI"
if [[ "$DB_URL" == jdbc:postgresql://127.0.0.1:5432/* ]]; then
    step "What the database recorded of the process"
    psql -h 127.0.0.1 -U "$DB_USER" -d "${DB_URL##*/}" -c \
        "SELECT kind, action, outcome, http_status FROM audit_event WHERE process_id = '$P' ORDER BY occurred_at, id"
    psql -h 127.0.0.1 -U "$DB_USER" -d "${DB_URL##*/}" -tAc \
        "SELECT 'pooled connections of the gateway: ' || count(*) FROM pg_stat_activity WHERE datname = '${DB_URL##*/}' AND application_name = 'PostgreSQL JDBC Driver'"
fi

if [ "$SCREENSHOTS" = true ]; then
    step "Admin console screenshots into docs/images/"
    TOOLS="$WORK/screenshot-tools"
    mkdir -p "$TOOLS"
    [ -d "$TOOLS/node_modules/playwright-core" ] || npm install --silent --prefix "$TOOLS" playwright-core@1.65.1
    NODE_PATH="$TOOLS/node_modules" node server-config/payara-server/screenshots.cjs "http://localhost:$ADMIN_PORT" docs/images
fi

step "Portal security: roles and authentication as on Payara Micro (SecurityIT)"
REVIEWER=$(token --role reviewer --tenant payara-demo)
AUDITOR=$(token --role auditor)
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect "$(status_of -X POST "$API/dossiers" -H "Authorization: Bearer $REVIEWER" -H 'Content-Type: application/json' \
    -d '{"externalReference":"a-reviewer-may-not-open-dossiers"}')" 403 "a reviewer opening a dossier (portal only)"
expect "$(status_of -X POST "$API/dossiers" -H 'Content-Type: application/json' \
    -d '{"externalReference":"nobody-may-open-dossiers"}')" 401 "opening a dossier without a token"
expect "$(status_of "$API/dossiers/$D")" 401 "reading a dossier without a token"
expect "$(status_of "$API/dossiers/$D" -H "Authorization: Bearer not-a-jwt")" 401 "reading a dossier with a malformed token"
expect "$(status_of "$API/reviews" -H "$AUTH")" 403 "a portal reading the review queue (reviewer only)"
expect "$(status_of "$API/audit/processes?limit=1" -H "Authorization: Bearer $AUDITOR")" 200 "an auditor's audit query"
expect "$(status_of "$API/dossiers/$D" -H "Authorization: Bearer $AUDITOR")" 200 "an auditor reading any tenant's dossier"
refused=$(curl -s -D - -o /dev/null "$API/dossiers/$D")
grep -qi '^content-type: application/problem+json' <<<"$refused" || fail "the 401 is not problem+json"
grep -qi '^www-authenticate: Bearer' <<<"$refused" || fail "the 401 carries no Bearer challenge"
echo "403 for the wrong role, 401 (problem+json, Bearer challenge) without a valid token, 200 for the right one"

step "OK: the gateway works on Payara Server $PAYARA_VERSION"

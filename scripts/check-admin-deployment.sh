#!/usr/bin/env bash
# Proves the README's admin command: the built WAR on Payara Micro with server-config/, against a
# PostgreSQL server given by DB_URL (the machine's PostgreSQL 15 cluster, with a password, over
# TCP), migrates its schema at deployment and serves the API on :8080.
# Tokens come from a stand-in identity provider: a key pair made here, its public half given to
# the server through MP_JWT_VERIFY_PUBLICKEY_LOCATION, tokens signed by org.quire.tools.dev.TokenCommand.
# Needs: target/quire.war, target/payara/ and the tools (./mvnw verify), root (to
# administer PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${QUIRE_CHECK_PORT:-8080}
DB=quire_admin_check
ROLE=$DB
PASSWORD='ch3ck:pass=word'   # ':' and '=' on purpose: the pool must not parse the password.

. scripts/lib/postgres.sh
start_system_postgres
fresh_database "$DB" "$PASSWORD"

. scripts/lib/identity.sh
EDITOR_TOKEN=$(token editor)

log=target/admin-deployment.log
. scripts/lib/quire.sh
export DB_URL=jdbc:postgresql://localhost:5432/$DB DB_USER=$ROLE DB_PASSWORD="$PASSWORD"
start_quire "$PORT" "$log"
server=$QUIRE_PID
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
await_quire "$PORT" "$log"

fail() { echo "FAIL: $*"; tail -80 "$log"; exit 1; }
for option in "java @server-config/jvm.options -jar target/payara/payara-micro.jar" "--nohazelcast" "--addlibs target/payara/postgresql.jar" "--logproperties server-config/logging.properties" \
        "--prebootcommandfile server-config/http-listener.asadmin" "--postbootcommandfile server-config/post-boot-commands.asadmin" \
        "--deploy target/quire.war --contextroot / --port 8080"; do
    grep -qF -- "$option" README.md || fail "the README's admin command lacks '$option', which scripts/lib/quire.sh runs"
done
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$PORT/api/posts" \
    -H 'Content-Type: application/json' -d '{"title":"Anonymous","content":"refused"}')
[ "$status" = 401 ] || fail "an anonymous POST /api/posts answered $status"
status=$(curl -s -o /tmp/quire-check.json -w '%{http_code}' -X POST "http://localhost:$PORT/api/posts" \
    -H "Authorization: Bearer $EDITOR_TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"Привет, мир!","content":"deployed","status":"published"}')
[ "$status" = 201 ] || fail "POST /api/posts answered $status: $(cat /tmp/quire-check.json)"
grep -q '"slug":"privet-mir"' /tmp/quire-check.json || fail "unexpected body: $(cat /tmp/quire-check.json)"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/api/posts/by-slug/privet-mir")
[ "$status" = 200 ] || fail "GET /api/posts/by-slug/privet-mir answered $status"
applied=$(sql "$DB" "SELECT count(*) || ' ' || (SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC LIMIT 1) FROM databasechangelog")
[ "$applied" = "$(changelog_state)" ] || fail "changelog in $DB: $applied, the changelog declares $(changelog_state)"
if grep -q "$PASSWORD" "$log"; then fail "the database password appears in the server log"; fi
if grep -q "${EDITOR_TOKEN:0:40}" "$log"; then fail "the token appears in the server log"; fi
# Payara dumps every expired CA certificate of its trust store as a 60-line warning unless
# server-config/logging.properties quiets it: an admin's log has one line per event.
if grep -q "Certificate Extensions" "$log"; then fail "the server log dumps certificates at start"; fi
# The class-data archive the build made is the one this JVM started with (a missing archive is
# silent, an unusable one a warning, and either only makes the start slower).
[ -f target/payara/quire.jsa ] || fail "the build made no target/payara/quire.jsa"
grep -q 'target/payara/quire.jsa' "/proc/$server/maps" || fail "the JVM did not map target/payara/quire.jsa"
if grep -q '\[warning\]\[cds' "$log"; then fail "the JVM could not use the class-data archive: $(grep '\[cds' "$log" | head -3)"; fi
jcmd="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
threads=$("$jcmd" "$server" Thread.print 2>/dev/null | grep -c '^"http-thread-pool' || true)
[ "$threads" = 8 ] || fail "$threads request threads, server-config/http-listener.asadmin fixes 8"

kill $server 2>/dev/null || true; wait $server 2>/dev/null || true

# The same command with a database that is not there: one line says where it tried, without the
# password, and nothing is deployed.
refused_log=target/admin-deployment-refused.log
DB_URL=jdbc:postgresql://localhost:1/$DB start_quire "$PORT" "$refused_log"
server=$QUIRE_PID
for _ in $(seq 1 120); do
    if grep -q "ready in" "$refused_log"; then break; fi
    if ! kill -0 $server 2>/dev/null; then break; fi
    sleep 1
done
log=$refused_log
grep -q "QUIRE CANNOT START - the application will not be deployed: cannot connect to jdbc:postgresql://localhost:1/$DB as $ROLE: Connection" "$log" \
    || fail "no one-line refusal naming the database"
if grep -q "$PASSWORD" "$log"; then fail "the database password appears in the refusal"; fi
status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/api/categories")
[ "$status" != 200 ] || fail "an undeployable Quire answered GET /api/categories with 200"

echo "admin deployment: 2 passed, 0 failed"

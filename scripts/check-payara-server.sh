#!/usr/bin/env bash
# Proves the README's Payara Server instructions: the same target/quire.war on Payara Server 6
# (fish.payara.distributions:payara from Maven Central), with the pool and resource created by
# the same server-config/post-boot-commands.asadmin (run through asadmin multimode), against a
# real PostgreSQL server given by DB_URL. Needs: ./mvnw verify first, root (for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

VERSION=$(./mvnw -q -B help:evaluate -Dexpression=payara.version -DforceStdout)
HOME_DIR=$PWD/target/payara-server
ASADMIN=$HOME_DIR/payara6/bin/asadmin
DB=quire_server_check
PASSWORD='serv3r:check'

# A fresh installation each time, as an admin would start.
[ -f "target/payara-dist/payara-$VERSION.zip" ] || \
    ./mvnw -q -B dependency:copy "-Dartifact=fish.payara.distributions:payara:$VERSION:zip" -DoutputDirectory=target/payara-dist
rm -rf "$HOME_DIR" && mkdir -p "$HOME_DIR"
unzip -q "target/payara-dist/payara-$VERSION.zip" -d "$HOME_DIR"

start_system_postgres
fresh_database "$DB" "$PASSWORD"

. scripts/lib/identity.sh
EDITOR_TOKEN=$(token editor)

# README, "Payara Server": the driver in the domain's lib/, the variables in the server's
# environment, the same asadmin commands as Payara Micro, then the WAR at the context root.
cp target/payara/postgresql.jar "$HOME_DIR/payara6/glassfish/domains/domain1/lib/"
export DB_URL=jdbc:postgresql://localhost:5432/$DB DB_USER=$DB DB_PASSWORD=$PASSWORD
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$IDP_PUBLIC_KEY MP_JWT_VERIFY_ISSUER=$IDP_ISSUER
"$ASADMIN" start-domain domain1
trap '"$ASADMIN" stop-domain domain1 >/dev/null 2>&1 || true' EXIT
"$ASADMIN" multimode --file server-config/payara-server-http-listener.asadmin
"$ASADMIN" restart-domain domain1
"$ASADMIN" multimode --file server-config/post-boot-commands.asadmin
"$ASADMIN" set-log-levels javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors=WARNING
"$ASADMIN" deploy --contextroot / --name quire target/quire.war

passed=0
failed=0
check() { if [ "$2" = "$3" ]; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAILED: $1 (got $2, wanted $3)"; failed=$((failed + 1)); fi; }
status() { curl -s -o /tmp/quire-server.json -w '%{http_code}' "$@"; }

# The pool as post-boot-commands.asadmin tunes it: no SQL trace listener, so no proxy around JDBC calls.
check "pool without SQL trace listeners" "$("$ASADMIN" get resources.jdbc-connection-pool.QuirePool.sql-trace-listeners | head -1)" \
    "resources.jdbc-connection-pool.QuirePool.sql-trace-listeners="
check "anonymous GET /api/categories" "$(status http://localhost:8080/api/categories)" 200
check "anonymous POST is refused" "$(status -X POST http://localhost:8080/api/posts -H 'Content-Type: application/json' -d '{"title":"x","content":"x"}')" 401
check "editor POST /api/posts" "$(status -X POST http://localhost:8080/api/posts -H "Authorization: Bearer $EDITOR_TOKEN" \
    -H 'Content-Type: application/json' -d '{"title":"Привет, мир!","content":"on Payara Server","status":"published"}')" 201
check "an editor may not list users (roles enforced)" "$(status -H "Authorization: Bearer $EDITOR_TOKEN" http://localhost:8080/api/users)" 403
check "GET /api/posts/by-slug/privet-mir" "$(status http://localhost:8080/api/posts/by-slug/privet-mir)" 200
check "a GET with a body is Quire's problem, not the listener's bare 400" \
    "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -X GET -d x http://localhost:8080/api/categories)" "400 application/problem+json;charset=UTF-8"
check "TRACE is Quire's problem" "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -X TRACE http://localhost:8080/health/live)" \
    "405 application/problem+json;charset=UTF-8"
check "GET /health/ready" "$(status http://localhost:8080/health/ready)" 200
check "schema migrated at deployment" "$(sql "$DB" "SELECT count(*) || ' ' || (SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC LIMIT 1) FROM databasechangelog")" "$(changelog_state)"
pool=$("$ASADMIN" get 'resources.jdbc-connection-pool.QuirePool.*')
check "pool as the seed's: 5 steady, 15 at most, validated" \
    "$(grep -c -E 'QuirePool\.(steady-pool-size=5|max-pool-size=15|is-connection-validation-required=true)$' <<<"$pool")" 3
check "request threads fixed at 8" "$("$ASADMIN" get 'configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size' | grep -o '=[0-9]*$')" "=8"
check "no credentials stored in domain.xml" "$(grep -c -F "$PASSWORD" "$HOME_DIR/payara6/glassfish/domains/domain1/config/domain.xml" || true)" 0

echo "payara server: $passed passed, $failed failed"
[ "$failed" = 0 ]

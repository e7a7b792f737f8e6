#!/usr/bin/env bash
# Two Quire servers on one database behave as one: whatever is written through either is what the
# next read through the other sees (no cached entity, list, total or ETag), and concurrent creates
# of one title through both get distinct slugs. Both run the README's admin command against the
# machine's PostgreSQL. Needs: target/quire.war, target/payara/ and the tools (./mvnw verify), root.
set -euo pipefail
cd "$(dirname "$0")/.."

A=${QUIRE_CHECK_PORT_A:-8091}
B=${QUIRE_CHECK_PORT_B:-8092}
DB=quire_two_instances
. scripts/lib/postgres.sh
start_system_postgres
fresh_database "$DB" two
export DB_URL=jdbc:postgresql://localhost:5432/$DB DB_USER=$DB DB_PASSWORD=two

. scripts/lib/identity.sh
TOKEN=$(token admin)
. scripts/lib/quire.sh
start_quire "$A" target/two-instances-a.log; PID_A=$QUIRE_PID
start_quire "$B" target/two-instances-b.log; PID_B=$QUIRE_PID
trap 'kill $PID_A $PID_B 2>/dev/null || true; wait $PID_A $PID_B 2>/dev/null || true' EXIT
QUIRE_PID=$PID_A await_quire "$A" target/two-instances-a.log
QUIRE_PID=$PID_B await_quire "$B" target/two-instances-b.log

passed=0
failed=0
check() { if [ "$2" = "$3" ]; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAILED: $1 (got '$2', wanted '$3')"; failed=$((failed + 1)); fi; }
# call PORT METHOD PATH [BODY [CONTENT-TYPE]]: the body to /tmp/quire-two.json, headers to /tmp/quire-two.headers; prints the status.
call() {
    local args=(-s -o /tmp/quire-two.json -D /tmp/quire-two.headers -w '%{http_code}' -X "$2" "http://localhost:$1$3" -H "Authorization: Bearer $TOKEN")
    if [ $# -ge 4 ]; then args+=(-H "Content-Type: ${5:-application/json}" --data-binary "$4"); fi
    curl "${args[@]}"
}
field() { python3 -c "import json,sys; print(json.load(open('/tmp/quire-two.json'))$1)"; }
etag() { tr -d '\r' </tmp/quire-two.headers | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'; }

check "create a category through A" "$(call "$A" POST /api/categories '{"name":"Shared"}')" 201
category=$(field "['id']")
check "create a post through A" "$(call "$A" POST /api/posts "{\"title\":\"One database\",\"content\":\"a\",\"status\":\"published\",\"categoryId\":$category}")" 201
post=$(field "['id']")
check "read it through B" "$(call "$B" GET /api/posts/$post)" 200
check "same ETag on B" "$(etag)" '"1"'
check "replace it through B" "$(call "$B" PUT /api/posts/$post "{\"title\":\"Changed on B\",\"content\":\"b\",\"status\":\"published\",\"categoryId\":$category}")" 200
check "A reads B's change" "$(call "$A" GET /api/posts/$post; echo " $(field "['title']") $(etag)")" '200 Changed on B "2"'
check "A refuses the ETag B made stale" "$(curl -s -o /dev/null -w '%{http_code}' -X PATCH "http://localhost:$A/api/posts/$post" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/merge-patch+json' -H 'If-Match: "1"' -d '{"content":"late"}')" 412
for i in 1 2 3; do call "$B" POST /api/posts "{\"title\":\"Counted $i\",\"content\":\"c\",\"status\":\"published\",\"categoryId\":$category}" >/dev/null; done
check "A's total counts B's creates" "$(call "$A" GET "/api/posts?status=published&categoryId=$category" >/dev/null; field "['totalItems']")" 4
check "B's total agrees" "$(call "$B" GET "/api/categories/$category/posts" >/dev/null; field "['totalItems']")" 4
check "delete the category through B" "$(call "$B" DELETE /api/categories/$category)" 204
check "A sees the post uncategorised" "$(call "$A" GET /api/posts/$post >/dev/null; field "['categoryId']")" None
check "delete the post through A" "$(call "$A" DELETE /api/posts/$post)" 204
check "B no longer finds it" "$(call "$B" GET /api/posts/$post)" 404
check "B's total drops" "$(call "$B" GET "/api/posts?status=published" >/dev/null; field "['totalItems']")" 3

# Ten creates of one title, five through each server at once: ten distinct slugs.
creates=()
for i in $(seq 1 5); do
    for port in "$A" "$B"; do
        curl -s -o /dev/null -X POST "http://localhost:$port/api/posts" -H "Authorization: Bearer $TOKEN" \
            -H 'Content-Type: application/json' -d '{"title":"Same title","content":"c"}' &
        creates+=($!)
    done
done
wait "${creates[@]}"
check "ten concurrent creates through both: ten distinct slugs" \
    "$(sql "$DB" "SELECT count(DISTINCT slug) || ' of ' || count(*) FROM posts WHERE title = 'Same title'")" "10 of 10"

echo "two instances: $passed passed, $failed failed"
[ "$failed" = 0 ]

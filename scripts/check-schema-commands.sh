#!/usr/bin/env bash
# Proves every row of the README's "Schema commands" table against a real PostgreSQL server
# (the machine's cluster, over TCP with a password), and the drift check's promise: changing an
# entity without a changeset fails the check with the difference named, and autogenerate then
# writes the changeset that makes it pass. Needs: root (to administer PostgreSQL), ~/.m2 filled
# by ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

start_system_postgres
DB=quire_schema_check
fresh_database "$DB" check
export DB_URL=jdbc:postgresql://localhost:5432/$DB DB_USER=$DB DB_PASSWORD=check

passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
no() { echo "FAILED: $*"; failed=$((failed + 1)); }
applied() { sql "$DB" "SELECT count(*) FROM databasechangelog" 2>/dev/null || echo 0; }
# What the changelog declares: its changesets in order (one id per line), and how many lead up to tag v1.
changeset_ids() { for f in $(grep -o 'changes/[^"]*' liquibase/changelog.xml); do grep -o '<changeSet id="[^"]*"' "liquibase/$f" | sed 's/.*id="//; s/"$//'; done; }
TOTAL=$(changeset_ids | wc -l)
LAST=$(changeset_ids | tail -1)
BEFORE_LAST=$(changeset_ids | tail -2 | head -1)
V1=$(changeset_ids | grep -n -- '-tag-v1$' | cut -d: -f1)
NEXT=$(printf '%03d' $((TOTAL + 1)))
has_table() { [ "$(sql "$DB" "SELECT count(*) FROM pg_tables WHERE tablename = '$1'")" = 1 ]; }

out=$(bin/quire-schema sql)
if grep -q "CREATE TABLE categories" <<<"$out" && ! has_table categories; then ok "sql prints the SQL and runs none of it"; else no "sql"; fi

if ! bin/quire-schema upgrade no-such-tag >/dev/null 2>&1 && ! has_table categories; then ok "upgrade to an unknown tag is refused"; else no "upgrade no-such-tag"; fi

bin/quire-schema upgrade v1 >/dev/null
if [ "$(applied)" = "$V1" ] && has_table posts; then ok "upgrade v1 applies up to the tag"; else no "upgrade v1: $(applied)"; fi

bin/quire-schema upgrade >/dev/null
if [ "$(applied)" = "$TOTAL" ]; then ok "upgrade applies everything pending"; else no "upgrade: $(applied)"; fi

out=$(bin/quire-schema current 2>&1)
if grep -q "$LAST" <<<"$out" && grep -q "up to date" <<<"$out"; then ok "current names the latest changeset and tag"; else no "current: $out"; fi

bin/quire-schema downgrade -1 >/dev/null
if [ "$(applied)" = $((TOTAL - 1)) ]; then ok "downgrade -1 undoes the last changeset"; else no "downgrade -1: $(applied)"; fi

out=$(bin/quire-schema history 2>&1)
if grep -q "$BEFORE_LAST" <<<"$out" && grep -q "$LAST" <<<"$out" && grep -qi "not been applied" <<<"$out"; then
    ok "history lists the applied changesets and the pending one"; else no "history: $out"; fi

bin/quire-schema upgrade >/dev/null
if [ "$(applied)" = "$TOTAL" ]; then ok "upgrade applies what is pending"; else no "upgrade: $(applied)"; fi

if ! bin/quire-schema downgrade no-such-tag >/dev/null 2>&1 && [ "$(applied)" = "$TOTAL" ]; then ok "downgrade to an unknown tag is refused"; else no "downgrade no-such-tag"; fi

bin/quire-schema downgrade v1 >/dev/null
if [ "$(applied)" = "$V1" ] && ! has_table post_counts; then ok "downgrade v1 rolls back to the tag"; else no "downgrade v1: $(applied)"; fi

bin/quire-schema downgrade -4 >/dev/null
bin/quire-schema upgrade v1 >/dev/null
if [ "$(applied)" = "$V1" ] && [ "$(sql "$DB" "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_posts_title_trgm'")" = 1 ]; then
    ok "downgrade -4 then upgrade v1 round-trips"; else no "round trip: $(applied)"; fi

fresh_database "$DB" check
bin/quire-schema stamp >/dev/null
if [ "$(applied)" = "$TOTAL" ] && ! has_table posts; then ok "stamp marks everything applied without running it"; else no "stamp"; fi

if bin/quire-schema release-locks >/dev/null 2>&1; then ok "release-locks"; else no "release-locks"; fi

# revision, check and autogenerate write into the tree: try them on a copy.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git ls-files -z | xargs -0 -I{} cp --parents {} "$copy"
(
    cd "$copy"
    bin/quire-schema revision -m "Manual migration" >/dev/null
    if [ -f "liquibase/changes/$NEXT-manual-migration.xml" ] && grep -q "changes/$NEXT-manual-migration.xml" liquibase/changelog.xml \
        && grep -q "<rollback>" "liquibase/changes/$NEXT-manual-migration.xml"; then
        echo "ok: revision writes the next numbered changeset with a rollback stub"; else echo "FAILED: revision"; exit 1; fi
    git checkout -q -- liquibase 2>/dev/null || { rm "liquibase/changes/$NEXT-manual-migration.xml"; cp "$OLDPWD/liquibase/changelog.xml" liquibase/; }

    if bin/quire-schema check >/dev/null; then echo "ok: check passes on the tree as committed"; else echo "FAILED: check on a clean tree"; exit 1; fi

    # An entity change without its changeset.
    sed -i 's|    @Version|    @Column(name = "summary", length = 300)\n    private String summary;\n\n    @Version|' src/main/java/org/quire/posts/Post.java
    if out=$(bin/quire-schema check 2>&1); then echo "FAILED: check missed the new column"; exit 1; fi
    grep -q "column posts.summary" <<<"$out" && echo "ok: check names the difference: $(grep 'posts.summary' <<<"$out" | head -1)"
    if ./mvnw -q -B verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=none -Dit.test=SchemaDriftIT >/tmp/quire-drift.log 2>&1; then
        echo "FAILED: ./mvnw verify passed with the drift"; exit 1; fi
    grep -q "column posts.summary" /tmp/quire-drift.log && echo "ok: ./mvnw verify fails, naming posts.summary"

    bin/quire-schema autogenerate -m "Add post summary" >/dev/null
    grep -q '<column name="summary" type="varchar(300)"/>' "liquibase/changes/$NEXT-add-post-summary.xml" \
        && echo "ok: autogenerate writes $NEXT-add-post-summary.xml"
    if bin/quire-schema check >/dev/null && ./mvnw -q -B verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=none -Dit.test=SchemaDriftIT >/tmp/quire-drift.log 2>&1; then
        echo "ok: with the generated changeset, check and ./mvnw verify pass"; else echo "FAILED: after autogenerate"; exit 1; fi
) | tee /tmp/quire-schema-copy.log
copy_passed=$(grep -c '^ok:' /tmp/quire-schema-copy.log || true)
copy_failed=$(grep -c '^FAILED' /tmp/quire-schema-copy.log || true)
if [ "$copy_passed" != 6 ]; then copy_failed=$((copy_failed + 1)); fi
passed=$((passed + copy_passed))
failed=$((failed + copy_failed))

echo "schema commands: $passed passed, $failed failed"
[ "$failed" = 0 ]

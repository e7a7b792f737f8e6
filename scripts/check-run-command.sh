#!/usr/bin/env bash
# Proves the README's start command as a new user meets it: in a fresh clone (nothing built yet),
# `./mvnw -Prun` builds the WAR, fetches Payara Micro, starts a local PostgreSQL and serves the
# migrated API on http://localhost:8080; `bin/quire-token editor` gives a token that it accepts;
# Ctrl-C stops the server and the database. The clone is of this checkout's HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/quire.sh

work=$(mktemp -d)
log=$work/run.log
fail() { echo "FAIL: $*"; tail -60 "$log"; exit 1; }
grep -qF '| `./mvnw -Prun` |' README.md || fail "the README's start command is no longer ./mvnw -Prun"
grep -qF 'TOKEN=$(bin/quire-token editor)' README.md || fail "the README no longer gets a token with bin/quire-token editor"
if curl -s -o /dev/null "http://localhost:8080/"; then fail "something already listens on :8080"; fi

git clone -q . "$work/quire"
cd "$work/quire"
# Its own process group, so that the interrupt below reaches Maven and what it started, as Ctrl-C would.
(exec setsid ./mvnw -B -ntp -Prun) >"$log" 2>&1 &
runner=$!
trap 'kill -KILL -- -$runner 2>/dev/null || true' EXIT

QUIRE_PID=$runner
await_quire 8080 "$log"

TOKEN=$(bin/quire-token editor)
status=$(curl -s -o "$work/created.json" -w '%{http_code}' -X POST http://localhost:8080/api/categories \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"First steps"}')
[ "$status" = 201 ] || fail "POST /api/categories with bin/quire-token's token answered $status: $(cat "$work/created.json")"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://localhost:8080/api/categories \
    -H 'Content-Type: application/json' -d '{"name":"Anonymous"}')
[ "$status" = 401 ] || fail "an anonymous POST /api/categories answered $status"
grep -q "get a token with: bin/quire-token editor" "$log" || fail "the run command does not say how to get a token"

kill -INT -- -"$runner"
for _ in $(seq 1 60); do
    kill -0 "$runner" 2>/dev/null || break
    sleep 1
done
if kill -0 "$runner" 2>/dev/null; then fail "./mvnw -Prun still runs 60 s after Ctrl-C"; fi
if curl -s -o /dev/null "http://localhost:8080/"; then fail ":8080 still answers after Ctrl-C"; fi
if pgrep -f "$work/quire/.quire/postgres" >/dev/null; then fail "the local PostgreSQL still runs after Ctrl-C"; fi
trap - EXIT
rm -rf "$work"
echo "run command: ok (fresh clone, served on :8080, token accepted, stopped by Ctrl-C)"

# Shared by the check scripts: the machine's PostgreSQL server, and fresh databases on it.

# Starts the newest installed PostgreSQL cluster (installing PostgreSQL if it is missing).
start_system_postgres() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "installing PostgreSQL (Debian package)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version=$(ls /etc/postgresql | sort -n | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
}

# fresh_database NAME PASSWORD: an empty database NAME owned by a login role NAME.
fresh_database() {
    su postgres -c psql >/dev/null <<SQL
DROP DATABASE IF EXISTS $1;
DROP ROLE IF EXISTS $1;
CREATE ROLE $1 LOGIN PASSWORD '$2';
CREATE DATABASE $1 OWNER $1;
SQL
}

# sql DATABASE QUERY: one value, as postgres.
sql() {
    su postgres -c "psql -d $1 -Atc \"$2\""
}

# changelog_state: "<number of changesets> <latest tag>" as liquibase/ declares them, which is what
# databasechangelog holds once a deployment has migrated.
changelog_state() {
    local count tag
    count=$(cat liquibase/changes/*.xml | grep -c '<changeSet ')
    tag=$(cat liquibase/changes/*.xml | grep -o '<tagDatabase tag="[^"]*"' | tail -1 | sed 's/.*tag="\([^"]*\)"/\1/')
    echo "$count $tag"
}

package org.quire.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liquibase.Liquibase;
import liquibase.lockservice.LockServiceFactory;
import org.junit.jupiter.api.Test;
import org.quire.tools.schema.ScratchSchema;

/**
 * The changelog against a real PostgreSQL, from an empty schema: what it builds, that concurrent
 * deployments migrate once, and that every changeset's rollback really undoes it.
 */
class SchemaMigrationIT {

    @Test
    void buildsTheSeedsSchemaFromNothingAndTagsItsLatestRelease() throws Exception {
        try (ScratchSchema scratch = new ScratchSchema()) {
            try (Connection c = scratch.connect()) {
                SchemaMigration.migrate(c);
            }
            List<String> schema = scratch.describe();
            for (String expected : List.of(
                    "column categories.name character varying(100) nullable=NO default=- identity=NO",
                    "column categories.id integer nullable=NO default=- identity=YES",
                    "column posts.status character varying(50) nullable=NO default='draft'::character varying identity=NO",
                    "column posts.slug character varying(200) nullable=YES default=- identity=NO",
                    "column posts.version integer nullable=NO default=1 identity=NO",
                    "column posts.created_at timestamp with time zone nullable=NO default=now() identity=NO",
                    "column posts.updated_at timestamp with time zone nullable=NO default=now() identity=NO",
                    "column users.email character varying(254) nullable=NO default=- identity=NO",
                    "constraint posts_category_id_fkey on posts FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE SET NULL",
                    "constraint fk_posts_author on posts FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE",
                    "constraint categories_name_key on categories UNIQUE (name)",
                    "constraint users_username_key on users UNIQUE (username)",
                    "index ix_posts_slug CREATE UNIQUE INDEX ix_posts_slug ON posts USING btree (slug)",
                    "index ix_posts_title CREATE INDEX ix_posts_title ON posts USING btree (title)",
                    "index ix_posts_category_id CREATE INDEX ix_posts_category_id ON posts USING btree (category_id)",
                    "index ix_posts_author_id CREATE INDEX ix_posts_author_id ON posts USING btree (author_id)",
                    "index ix_users_email_lower CREATE UNIQUE INDEX ix_users_email_lower ON users USING btree (lower((email)::text))",
                    "index ix_posts_status_created_at_id CREATE INDEX ix_posts_status_created_at_id ON posts USING btree (status, created_at, id)",
                    "index ix_posts_title_trgm CREATE INDEX ix_posts_title_trgm ON posts USING gin (lower((title)::text) gin_trgm_ops) WITH (gin_pending_list_limit='64')",
                    "index ix_posts_content_text_trgm CREATE INDEX ix_posts_content_text_trgm ON posts USING gin (content gin_trgm_ops) WITH (gin_pending_list_limit='64')",
                    "index ix_posts_status_category_id_created_at_id CREATE INDEX ix_posts_status_category_id_created_at_id ON posts USING btree (status, category_id, created_at, id)",
                    "constraint post_counts_pkey on post_counts PRIMARY KEY (scope, scope_id, status, shard)",
                    "trigger posts_counted_on_insert on posts CREATE TRIGGER posts_counted_on_insert AFTER INSERT ON posts"
                            + " REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_posts()",
                    "trigger posts_counted_on_truncate on posts CREATE TRIGGER posts_counted_on_truncate AFTER TRUNCATE ON posts"
                            + " FOR EACH STATEMENT EXECUTE FUNCTION forget_post_counts()")) {
                assertTrue(schema.contains(expected), () -> "missing: " + expected + "\nschema:\n" + String.join("\n", schema));
            }
            try (Connection c = scratch.connect(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*), (SELECT tag FROM databasechangelog WHERE tag IS NOT NULL"
                         + " ORDER BY orderexecuted DESC LIMIT 1) FROM databasechangelog")) {
                rows.next();
                assertEquals(Changelog.changesets().size(), rows.getInt(1));
                assertEquals(SchemaResourceIT.latestTag(Changelog.changesets().size()), rows.getString(2));
            }
        }
    }

    /** What Liquibase records once it has run is what the build recorded: the next deployment starts no Liquibase. */
    @Test
    void aMigratedSchemaIsRecognisedAsCurrentWithoutLiquibase() throws Exception {
        try (ScratchSchema scratch = new ScratchSchema(); Connection c = scratch.connect()) {
            assertEquals(Changelog.changesets(), SchemaMigration.pending(c), "an empty schema lacks every changeset");
            assertEquals(SchemaMigration.Outcome.MIGRATED, SchemaMigration.migrate(c));
            assertEquals(List.of(), SchemaMigration.pending(c));
            assertEquals(SchemaMigration.Outcome.ALREADY_CURRENT, SchemaMigration.migrate(c));
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE databasechangelog SET md5sum = '9:0000' WHERE id = '" + Changelog.changesets().get(1).id() + "'");
            }
            assertEquals(List.of(Changelog.changesets().get(1)), SchemaMigration.pending(c), "a checksum that differs is left to Liquibase");
        }
    }

    /**
     * The pool's connections have a socket timeout sized for requests; a deployment's migration may
     * wait longer than that (an index built over every post, another deployment holding the lock).
     */
    @Test
    void aMigrationMayOutlastTheSocketTimeoutOfRequests() throws Exception {
        try (ScratchSchema scratch = new ScratchSchema(); Connection other = scratch.connect(); Connection c = scratch.connect()) {
            try (Statement s = other.createStatement()) {
                s.execute(MigrationLock.LOCK);
            }
            c.setNetworkTimeout(Runnable::run, 1000);
            ExecutorService later = Executors.newSingleThreadExecutor();
            try {
                Future<Void> released = later.submit(() -> {
                    Thread.sleep(3000);
                    try (Statement s = other.createStatement()) {
                        s.execute("SELECT pg_advisory_unlock_all()");
                    }
                    return null;
                });
                assertEquals(SchemaMigration.Outcome.MIGRATED, SchemaMigration.migrate(c), "waited 3 s for the lock on a 1 s socket timeout");
                released.get();
            } finally {
                later.shutdownNow();
            }
            assertEquals(1000, c.getNetworkTimeout(), "the connection goes back to the pool with its request timeout");
            assertEquals(List.of(), SchemaMigration.pending(c));
        }
    }

    /** A run killed while it holds the lock (its session ends) does not keep the next one waiting. */
    @Test
    void aRunThatDiedHoldingTheLockLeavesNothingBehind() throws Exception {
        try (ScratchSchema scratch = new ScratchSchema(); Connection next = scratch.connect()) {
            try (Connection killed = scratch.connect()) {
                LockServiceFactory.getInstance().getLockService(SchemaMigration.liquibase(killed).getDatabase()).waitForLock();
            }
            assertEquals(SchemaMigration.Outcome.MIGRATED,
                    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SchemaMigration.migrate(next)));
            assertEquals(List.of(), SchemaMigration.pending(next));
        }
    }

    @Test
    void twoDeploymentsMigratingAtOnceApplyEachChangesetOnce() throws Exception {
        try (ScratchSchema scratch = new ScratchSchema()) {
            Callable<Void> deployment = () -> {
                try (Connection c = scratch.connect()) {
                    SchemaMigration.migrate(c);
                }
                return null;
            };
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<Void>> runs = List.of(two.submit(deployment), two.submit(deployment));
                for (Future<Void> run : runs) {
                    run.get();
                }
            } finally {
                two.shutdownNow();
            }
            try (Connection c = scratch.connect(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM databasechangelog WHERE exectype = 'EXECUTED'")) {
                rows.next();
                assertEquals(Changelog.changesets().size(), rows.getInt(1));
                assertEquals(Changelog.changesets().size(), rows.getInt(2));
            }
        }
    }

    /** Apply, roll back and re-apply each changeset in turn: the result must equal one straight run. */
    @Test
    void everyChangesetRollsBackCleanly() throws Exception {
        List<String> straight;
        try (ScratchSchema reference = new ScratchSchema()) {
            try (Connection c = reference.connect()) {
                SchemaMigration.migrate(c);
            }
            straight = reference.describe();
        }
        try (ScratchSchema stairway = new ScratchSchema(); Connection c = stairway.connect()) {
            Liquibase liquibase = SchemaMigration.liquibase(c);
            List<String> before = stairway.describe();
            int changesets = Changelog.changesets().size();
            for (int step = 1; step <= changesets; step++) {
                liquibase.update(1, "");
                List<String> applied = stairway.describe();
                liquibase.rollback(1, "");
                assertEquals(before, stairway.describe(), "rollback of changeset " + step + " restores the schema before it");
                liquibase.update(1, "");
                assertEquals(applied, stairway.describe(), "changeset " + step + " re-applies to the same schema");
                before = applied;
            }
            assertEquals(straight, stairway.describe());
            liquibase.rollback(changesets, "");
            assertEquals(new ArrayList<String>(), stairway.describe(), "rolling everything back leaves an empty schema");
        }
    }
}

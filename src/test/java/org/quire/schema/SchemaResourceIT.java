package org.quire.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.testing.ServedTests;
import org.quire.testing.Tokens;
import org.quire.tools.schema.Database;

/** GET /api/admin/schema: what alembic current and history tell, for admins only. */
public abstract class SchemaResourceIT extends ServedTests {

    @Test
    void listsTheAppliedChangesetsInOrderNothingPendingAndTheLatestTag() {
        JsonObject report = api.get("api/admin/schema").expect(200).json();
        var applied = report.getJsonArray("applied").getValuesAs(JsonObject.class);
        assertEquals(Changelog.changesets().stream().map(Changelog.Changeset::id).toList(), applied.stream().map(a -> a.getString("id")).toList());
        JsonObject first = applied.get(0);
        assertEquals("quire", first.getString("author"));
        assertEquals("liquibase/changes/001-create-categories.xml", first.getString("file"));
        Instant executed = Instant.parse(first.getString("dateExecuted"));
        assertTrue(Duration.between(executed, Instant.now()).abs().toHours() < 24, "executed at " + executed + ", an instant in UTC");
        String latestTag = latestTag(applied.size());
        assertEquals(latestTag, applied.get(applied.size() - 1).getString("tag"), "the changelog ends with a tag");
        assertEquals(0, report.getJsonArray("pending").size());
        assertEquals(latestTag, report.getString("latestTag"));
    }

    @Test
    void aChangesetMissingFromTheDatabaseIsListedAsPending() throws Exception {
        var changelog = Changelog.changesets();
        var last = changelog.get(changelog.size() - 1);
        try (var c = Database.fromEnvironment().connect(); var s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE saved AS SELECT * FROM databasechangelog WHERE id = '" + last.id() + "'");
            s.execute("DELETE FROM databasechangelog WHERE id = '" + last.id() + "'");
            try {
                JsonObject report = api.get("api/admin/schema").expect(200).json();
                assertEquals(changelog.size() - 1, report.getJsonArray("applied").size());
                var pending = report.getJsonArray("pending").getValuesAs(JsonObject.class);
                assertEquals(1, pending.size());
                assertEquals(last.id(), pending.get(0).getString("id"));
                assertEquals(last.file(), pending.get(0).getString("file"));
                String tagBefore = latestTag(changelog.size() - 1);
                if (tagBefore == null) {
                    assertTrue(report.isNull("latestTag"));
                } else {
                    assertEquals(tagBefore, report.getString("latestTag"));
                }
            } finally {
                s.execute("INSERT INTO databasechangelog SELECT * FROM saved");
            }
        }
    }

    @Test
    void isForAdminsOnly() {
        api.anonymous().get("api/admin/schema").expectProblem(401);
        api.as(Tokens.editor()).get("api/admin/schema").expectProblem(403);
    }

    /** The tag of the last tagging changeset among the changelog's first {@code count}; null if none tags. */
    static String latestTag(int count) {
        String tag = null;
        for (Changelog.Changeset changeset : Changelog.changesets().subList(0, count)) {
            if (!changeset.tag().isEmpty()) {
                tag = changeset.tag();
            }
        }
        return tag;
    }
}

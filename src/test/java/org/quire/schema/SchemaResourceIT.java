package org.quire.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.testing.QuireIT;
import org.quire.testing.Tokens;

/** GET /api/admin/schema: what alembic current and history tell, for admins only. */
class SchemaResourceIT extends QuireIT {

    @Test
    void listsTheAppliedChangesetsInOrderNothingPendingAndTheLatestTag() {
        JsonObject report = api.get("api/admin/schema").expect(200).json();
        var applied = report.getJsonArray("applied").getValuesAs(JsonObject.class);
        assertEquals(11, applied.size());
        assertEquals(List.of("001-create-categories", "002-create-posts", "003-add-posts-slug", "004-create-users-and-posts-author",
                        "005-publish-posts-without-status", "006-widen-posts-status", "007-add-posts-version", "008-enable-pg-trgm",
                        "009-index-post-lists", "010-index-post-search", "011-tag-v1"),
                applied.stream().map(a -> a.getString("id")).toList());
        JsonObject first = applied.get(0);
        assertEquals("quire", first.getString("author"));
        assertEquals("liquibase/changes/001-create-categories.xml", first.getString("file"));
        Instant executed = Instant.parse(first.getString("dateExecuted"));
        assertTrue(Duration.between(executed, Instant.now()).abs().toHours() < 24, "executed at " + executed + ", an instant in UTC");
        assertEquals("v1", applied.get(10).getString("tag"));
        assertEquals(0, report.getJsonArray("pending").size());
        assertEquals("v1", report.getString("latestTag"));
    }

    @Test
    void aChangesetMissingFromTheDatabaseIsListedAsPending() throws Exception {
        try (var c = Database.fromEnvironment().connect(); var s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE saved AS SELECT * FROM databasechangelog WHERE id = '011-tag-v1'");
            s.execute("DELETE FROM databasechangelog WHERE id = '011-tag-v1'");
            try {
                JsonObject report = api.get("api/admin/schema").expect(200).json();
                assertEquals(10, report.getJsonArray("applied").size());
                var pending = report.getJsonArray("pending").getValuesAs(JsonObject.class);
                assertEquals(1, pending.size());
                assertEquals("011-tag-v1", pending.get(0).getString("id"));
                assertEquals("liquibase/changes/011-tag-v1.xml", pending.get(0).getString("file"));
                assertTrue(report.isNull("latestTag"));
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
}

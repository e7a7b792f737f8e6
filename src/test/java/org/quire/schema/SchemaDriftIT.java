package org.quire.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.tools.schema.Database;
import org.quire.tools.schema.SchemaComparison;
import org.quire.tools.schema.SchemaDrift;

/**
 * alembic check, in the build: the schema the entities imply and the one the changelog builds
 * must not differ, so an entity change without its changeset fails ./mvnw verify.
 */
class SchemaDriftIT {

    @Test
    void entitiesAndChangelogAgree() throws Exception {
        List<SchemaDrift.Difference> differences = SchemaComparison.run(Database.fromEnvironment());
        if (!differences.isEmpty()) {
            fail(SchemaComparison.report(differences));
        }
        assertTrue(differences.isEmpty());
    }
}

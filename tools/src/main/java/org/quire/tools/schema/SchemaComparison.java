package org.quire.tools.schema;

import org.quire.schema.SchemaMigration;
import java.sql.Connection;
import java.util.List;

/** Builds both schemas side by side in scratch schemas and compares them. */
public final class SchemaComparison {

    private SchemaComparison() {
    }

    public static List<SchemaDrift.Difference> run(Database database) throws Exception {
        try (ScratchSchema fromChangelog = new ScratchSchema(database); ScratchSchema fromEntities = new ScratchSchema(database)) {
            SchemaModel changelog;
            SchemaModel entities;
            try (Connection c = fromChangelog.connect()) {
                SchemaMigration.migrate(c);
            }
            EntitySchema.generateInto(database, fromEntities.name);
            try (Connection c = database.connect()) {
                changelog = SchemaModel.read(c, fromChangelog.name);
                entities = SchemaModel.read(c, fromEntities.name);
            }
            return SchemaDrift.between(entities, changelog);
        }
    }

    public static String report(List<SchemaDrift.Difference> differences) {
        StringBuilder text = new StringBuilder("The JPA entities and the changelog in liquibase/ disagree (" + differences.size()
                + (differences.size() == 1 ? " difference" : " differences") + "):\n");
        differences.forEach(d -> text.append("  - ").append(d.description()).append('\n'));
        return text.append("Write the changeset that closes them with: bin/quire-schema autogenerate -m \"what changed\"").toString();
    }
}

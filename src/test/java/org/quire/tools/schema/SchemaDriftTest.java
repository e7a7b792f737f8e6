package org.quire.tools.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quire.tools.schema.SchemaModel.Column;
import org.quire.tools.schema.SchemaModel.Constraint;
import org.quire.tools.schema.SchemaModel.Index;

/** What the drift check reports, and writes, for each kind of difference. */
class SchemaDriftTest {

    private static SchemaModel model(List<Column> columns, List<Constraint> constraints, List<Index> indexes) {
        Map<String, Column> c = new TreeMap<>();
        columns.forEach(x -> c.put(x.key(), x));
        Map<String, Constraint> k = new TreeMap<>();
        constraints.forEach(x -> k.put(x.key(), x));
        Map<String, Index> i = new TreeMap<>();
        indexes.forEach(x -> i.put(x.name(), x));
        Set<String> tables = new java.util.TreeSet<>();
        columns.forEach(x -> tables.add(x.table()));
        return new SchemaModel(c, k, i, tables, Set.of());
    }

    private static final Column ID = new Column("posts", "id", "integer", false, true);
    private static final Column TITLE = new Column("posts", "title", "varchar(200)", false, false);
    private static final Constraint PK = new Constraint("posts_pkey", 'p', "posts", List.of("id"), null, List.of());

    @Test
    void identicalSchemasHaveNoDifferences() {
        SchemaModel schema = model(List.of(ID, TITLE), List.of(PK), List.of(new Index("ix_posts_title", "posts", List.of("title"), false)));
        assertEquals(List.of(), SchemaDrift.between(schema, schema));
    }

    @Test
    void aNewFieldBecomesAnAddColumnWithItsRollback() {
        Column summary = new Column("posts", "summary", "varchar(300)", true, false);
        var differences = SchemaDrift.between(model(List.of(ID, TITLE, summary), List.of(PK), List.of()), model(List.of(ID, TITLE), List.of(PK), List.of()));
        assertEquals(1, differences.size());
        var d = differences.get(0);
        assertTrue(d.description().contains("posts.summary"), d.description());
        assertEquals("<addColumn tableName=\"posts\">\n    <column name=\"summary\" type=\"varchar(300)\"/>\n</addColumn>", d.change());
        assertEquals("<dropColumn tableName=\"posts\" columnName=\"summary\"/>", d.rollback());
    }

    @Test
    void typeAndNullabilityChangesAreReversible() {
        Column wider = new Column("posts", "title", "varchar(300)", true, false);
        var differences = SchemaDrift.between(model(List.of(ID, wider), List.of(PK), List.of()), model(List.of(ID, TITLE), List.of(PK), List.of()));
        assertEquals(2, differences.size());
        assertEquals("<modifyDataType tableName=\"posts\" columnName=\"title\" newDataType=\"varchar(300)\"/>", differences.get(0).change());
        assertEquals("<modifyDataType tableName=\"posts\" columnName=\"title\" newDataType=\"varchar(200)\"/>", differences.get(0).rollback());
        assertTrue(differences.get(1).change().startsWith("<dropNotNullConstraint"));
        assertTrue(differences.get(1).rollback().startsWith("<addNotNullConstraint"));
    }

    @Test
    void aNewEntityBecomesACreateTableWithItsKeyAndConstraints() {
        Column tagId = new Column("tags", "id", "integer", false, true);
        Column tagName = new Column("tags", "name", "varchar(50)", false, false);
        Constraint tagPk = new Constraint("tags_pkey", 'p', "tags", List.of("id"), null, List.of());
        Constraint unique = new Constraint("tags_name_key", 'u', "tags", List.of("name"), null, List.of());
        var differences = SchemaDrift.between(model(List.of(ID, TITLE, tagId, tagName), List.of(PK, tagPk, unique), List.of()),
                model(List.of(ID, TITLE), List.of(PK), List.of()));
        assertEquals(2, differences.size());
        assertTrue(differences.get(0).change().startsWith("<createTable tableName=\"tags\">"));
        assertTrue(differences.get(0).change().contains("primaryKeyName=\"tags_pkey\""));
        assertTrue(differences.get(0).change().contains("autoIncrement=\"true\""));
        assertEquals("<dropTable tableName=\"tags\"/>", differences.get(0).rollback());
        assertEquals("<addUniqueConstraint constraintName=\"tags_name_key\" tableName=\"tags\" columnNames=\"name\"/>", differences.get(1).change());
    }

    @Test
    void indexesAndForeignKeysAreComparedByNameAndShape() {
        Column author = new Column("posts", "author_id", "integer", true, false);
        Constraint fk = new Constraint("fk_posts_author", 'f', "posts", List.of("author_id"), "users", List.of("id"));
        Index byTitle = new Index("ix_posts_title", "posts", List.of("title"), false);
        Index byTitleAndId = new Index("ix_posts_title", "posts", List.of("title", "id"), false);
        var differences = SchemaDrift.between(model(List.of(ID, TITLE, author), List.of(PK, fk), List.of(byTitleAndId)),
                model(List.of(ID, TITLE, author), List.of(PK), List.of(byTitle)));
        assertEquals(3, differences.size(), differences.toString());
        assertTrue(differences.get(0).change().startsWith("<dropIndex"));
        assertTrue(differences.get(1).change().contains("<column name=\"id\"/>"));
        assertTrue(differences.get(2).change().contains("<addForeignKeyConstraint constraintName=\"fk_posts_author\""));
        assertTrue(differences.get(2).change().contains("Review: JPA cannot state ON DELETE"));
    }
}

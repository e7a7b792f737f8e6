package org.quire.tools.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.quire.tools.schema.SchemaModel.Column;
import org.quire.tools.schema.SchemaModel.Constraint;
import org.quire.tools.schema.SchemaModel.Index;

/**
 * The differences between the schema the JPA entities imply and the one the changelog builds,
 * each with the Liquibase change that closes it and that change's rollback (what alembic
 * revision --autogenerate does for SQLAlchemy models).
 */
public final class SchemaDrift {

    /** One difference; {@code order} puts creates before what depends on them, and drops last. */
    public record Difference(int order, String description, String change, String rollback) {
    }

    private final SchemaModel entities;
    private final SchemaModel changelog;
    private final List<Difference> differences = new ArrayList<>();

    private SchemaDrift(SchemaModel entities, SchemaModel changelog) {
        this.entities = entities;
        this.changelog = changelog;
    }

    static List<Difference> between(SchemaModel entities, SchemaModel changelog) {
        SchemaDrift drift = new SchemaDrift(entities, changelog);
        drift.tables();
        drift.columns();
        drift.constraints();
        drift.indexes();
        drift.differences.sort(Comparator.comparingInt(Difference::order).thenComparing(Difference::description));
        return List.copyOf(drift.differences);
    }

    private void tables() {
        for (String table : entities.tables()) {
            if (!changelog.tables().contains(table)) {
                add(0, "table " + table + ": in the entities, not in the changelog", createTable(entities, table),
                        "<dropTable tableName=\"" + table + "\"/>");
            }
        }
        for (String table : changelog.tables()) {
            if (!entities.tables().contains(table)) {
                add(90, "table " + table + ": in the changelog, no entity maps it", "<dropTable tableName=\"" + table + "\"/>",
                        createTable(changelog, table));
            }
        }
    }

    private void columns() {
        for (Column wanted : entities.columns().values()) {
            if (!changelog.tables().contains(wanted.table())) {
                continue;
            }
            Column present = changelog.columns().get(wanted.key());
            if (present == null) {
                add(10, "column " + wanted.key() + ": the entities map it (" + wanted.describe() + "), the changelog has no such column",
                        "<addColumn tableName=\"" + wanted.table() + "\">\n" + column(wanted, "    ") + "</addColumn>"
                                + (wanted.nullable() ? "" : "\n<!-- Review: a NOT NULL column on a table with rows needs a default value or a back-fill. -->"),
                        "<dropColumn tableName=\"" + wanted.table() + "\" columnName=\"" + wanted.name() + "\"/>");
                continue;
            }
            if (!present.type().equals(wanted.type())) {
                add(20, "column " + wanted.key() + ": type is " + present.type() + " in the changelog, " + wanted.type() + " in the entities",
                        modifyType(wanted.table(), wanted.name(), wanted.type()), modifyType(wanted.table(), wanted.name(), present.type()));
            }
            if (present.nullable() != wanted.nullable()) {
                String notNull = "<addNotNullConstraint tableName=\"" + wanted.table() + "\" columnName=\"" + wanted.name()
                        + "\" columnDataType=\"" + wanted.type() + "\"/>";
                String nullable = "<dropNotNullConstraint tableName=\"" + wanted.table() + "\" columnName=\"" + wanted.name()
                        + "\" columnDataType=\"" + wanted.type() + "\"/>";
                add(30, "column " + wanted.key() + ": " + (wanted.nullable() ? "nullable in the entities, NOT NULL in the changelog"
                        : "NOT NULL in the entities, nullable in the changelog"),
                        wanted.nullable() ? nullable : notNull, wanted.nullable() ? notNull : nullable);
            }
            if (present.generated() != wanted.generated()) {
                add(35, "column " + wanted.key() + ": " + (wanted.generated() ? "generated in the entities only" : "generated in the changelog only")
                        + " (not written automatically: change the identity by hand)", "", "");
            }
        }
        for (Column present : changelog.columns().values()) {
            if (entities.tables().contains(present.table()) && !entities.columns().containsKey(present.key())) {
                add(80, "column " + present.key() + ": in the changelog (" + present.describe() + "), no entity field maps it",
                        "<dropColumn tableName=\"" + present.table() + "\" columnName=\"" + present.name() + "\"/>",
                        "<addColumn tableName=\"" + present.table() + "\">\n" + column(present, "    ") + "</addColumn>");
            }
        }
    }

    private void constraints() {
        for (Constraint wanted : entities.constraints().values()) {
            Constraint present = changelog.constraints().get(wanted.key());
            boolean newTable = !changelog.tables().contains(wanted.table());
            if (wanted.kind() == 'p') {
                if (!newTable && (present == null || !present.columns().equals(wanted.columns()))) {
                    add(36, wanted.describe() + ": differs from the changelog's (not written automatically: change keys by hand)", "", "");
                }
                continue;
            }
            if (present != null && same(present, wanted)) {
                continue;
            }
            if (present != null) {
                add(40, present.name() + ": " + present.describe() + " in the changelog, " + wanted.describe() + " in the entities",
                        dropConstraint(present), addConstraint(present));
            }
            add(wanted.kind() == 'f' ? 60 : 50,
                    wanted.name() + ": " + wanted.describe() + (present == null ? " in the entities, not in the changelog" : ", recreated"),
                    addConstraint(wanted), dropConstraint(wanted));
        }
        for (Constraint present : changelog.constraints().values()) {
            if (present.kind() != 'p' && !entities.constraints().containsKey(present.key())) {
                add(40, present.name() + ": " + present.describe() + " in the changelog, not in the entities",
                        dropConstraint(present), addConstraint(present));
            }
        }
    }

    private void indexes() {
        for (Index wanted : entities.indexes().values()) {
            Index present = changelog.indexes().get(wanted.name());
            if (present != null && present.equals(wanted)) {
                continue;
            }
            if (present != null) {
                add(45, present.name() + ": " + present.describe() + " in the changelog, " + wanted.describe() + " in the entities",
                        dropIndex(present), createIndex(present));
            }
            add(55, wanted.name() + ": " + wanted.describe() + (present == null ? " in the entities, not in the changelog" : " to be created"),
                    createIndex(wanted), dropIndex(wanted));
        }
        for (Index present : changelog.indexes().values()) {
            if (!entities.indexes().containsKey(present.name())) {
                add(45, present.name() + ": " + present.describe() + " in the changelog, not in the entities",
                        dropIndex(present), createIndex(present));
            }
        }
    }

    private static boolean same(Constraint a, Constraint b) {
        return a.kind() == b.kind() && a.table().equals(b.table()) && a.columns().equals(b.columns())
                && Objects.equals(a.refTable(), b.refTable()) && a.refColumns().equals(b.refColumns());
    }

    private void add(int order, String description, String change, String rollback) {
        differences.add(new Difference(order, description, change, rollback));
    }

    private static String createTable(SchemaModel model, String table) {
        Constraint pk = model.constraints().get(table + " primary key");
        StringBuilder xml = new StringBuilder("<createTable tableName=\"" + table + "\">\n");
        model.columns().values().stream().filter(c -> c.table().equals(table)).forEach(c -> {
            boolean key = pk != null && pk.columns().contains(c.name());
            xml.append(column(c, "    ", key ? pk.name() : null));
        });
        return xml.append("</createTable>").toString();
    }

    private static String column(Column c, String indent) {
        return column(c, indent, null);
    }

    private static String column(Column c, String indent, String primaryKeyName) {
        String identity = c.generated() ? " autoIncrement=\"true\" generationType=\"BY DEFAULT\"" : "";
        String constraints = primaryKeyName != null ? "<constraints primaryKey=\"true\" primaryKeyName=\"" + primaryKeyName + "\" nullable=\"false\"/>"
                : c.nullable() ? "" : "<constraints nullable=\"false\"/>";
        if (constraints.isEmpty()) {
            return indent + "<column name=\"" + c.name() + "\" type=\"" + c.type() + "\"" + identity + "/>\n";
        }
        return indent + "<column name=\"" + c.name() + "\" type=\"" + c.type() + "\"" + identity + ">\n"
                + indent + "    " + constraints + "\n" + indent + "</column>\n";
    }

    private static String modifyType(String table, String column, String type) {
        return "<modifyDataType tableName=\"" + table + "\" columnName=\"" + column + "\" newDataType=\"" + type + "\"/>";
    }

    private static String addConstraint(Constraint c) {
        if (c.kind() == 'u') {
            return "<addUniqueConstraint constraintName=\"" + c.name() + "\" tableName=\"" + c.table() + "\" columnNames=\""
                    + String.join(", ", c.columns()) + "\"/>";
        }
        return "<!-- Review: JPA cannot state ON DELETE; add onDelete=\"CASCADE\" or \"SET NULL\" where that is meant. -->\n"
                + "<addForeignKeyConstraint constraintName=\"" + c.name() + "\" baseTableName=\"" + c.table()
                + "\" baseColumnNames=\"" + String.join(", ", c.columns()) + "\" referencedTableName=\"" + c.refTable()
                + "\" referencedColumnNames=\"" + String.join(", ", c.refColumns()) + "\"/>";
    }

    private static String dropConstraint(Constraint c) {
        return c.kind() == 'u'
                ? "<dropUniqueConstraint constraintName=\"" + c.name() + "\" tableName=\"" + c.table() + "\"/>"
                : "<dropForeignKeyConstraint constraintName=\"" + c.name() + "\" baseTableName=\"" + c.table() + "\"/>";
    }

    private static String createIndex(Index i) {
        StringBuilder xml = new StringBuilder("<createIndex tableName=\"" + i.table() + "\" indexName=\"" + i.name() + "\""
                + (i.unique() ? " unique=\"true\"" : "") + ">\n");
        i.columns().forEach(c -> xml.append("    <column name=\"").append(c).append("\"/>\n"));
        return xml.append("</createIndex>").toString();
    }

    private static String dropIndex(Index i) {
        return "<dropIndex tableName=\"" + i.table() + "\" indexName=\"" + i.name() + "\"/>";
    }
}

package org.quire.tools.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the drift check compares of a schema, read from PostgreSQL's catalog: tables, columns
 * (type, nullability, generated ids), primary keys (by their columns, not their order), unique constraints, foreign keys (columns and
 * target) and plain B-tree indexes. What JPA cannot state is set aside by name, not compared:
 * column defaults, ON DELETE actions, and indexes on expressions or of other kinds (GIN).
 */
record SchemaModel(Map<String, Column> columns, Map<String, Constraint> constraints, Map<String, Index> indexes,
                   Set<String> tables, Set<String> notCompared) {

    record Column(String table, String name, String type, boolean nullable, boolean generated) {
        String key() {
            return table + "." + name;
        }

        String describe() {
            return type + (nullable ? " null" : " not null") + (generated ? " generated" : "");
        }
    }

    /** Primary key (p), unique (u) or foreign key (f); for a foreign key, the table and columns it references. */
    record Constraint(String name, char kind, String table, List<String> columns, String refTable, List<String> refColumns) {
        String describe() {
            return switch (kind) {
                case 'p' -> "primary key " + table + "(" + String.join(", ", columns) + ")";
                case 'u' -> "unique " + table + "(" + String.join(", ", columns) + ")";
                default -> "foreign key " + table + "(" + String.join(", ", columns) + ") -> " + refTable + "(" + String.join(", ", refColumns) + ")";
            };
        }

        /** Primary keys are named by PostgreSQL (table_pkey) on both sides; compare them by table. */
        String key() {
            return kind == 'p' ? table + " primary key" : name;
        }
    }

    record Index(String name, String table, List<String> columns, boolean unique) {
        String describe() {
            return (unique ? "unique index on " : "index on ") + table + "(" + String.join(", ", columns) + ")";
        }
    }

    private static final String IGNORED_TABLES = "databasechangelog%";

    static SchemaModel read(Connection c, String schema) throws SQLException {
        Set<String> tables = new TreeSet<>();
        Map<String, Column> columns = new TreeMap<>();
        Map<String, Constraint> constraints = new TreeMap<>();
        Map<String, Index> indexes = new TreeMap<>();
        Set<String> notCompared = new TreeSet<>();

        eachRow(c, "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, is_identity, column_default"
                        + " FROM information_schema.columns WHERE table_schema = ? AND table_name NOT LIKE ?", r -> {
            String type = type(r.getString(3), (Integer) r.getObject(4));
            String dflt = r.getString(7);
            boolean generated = "YES".equals(r.getString(6)) || (dflt != null && dflt.startsWith("nextval("));
            Column column = new Column(r.getString(1), r.getString(2), type, "YES".equals(r.getString(5)), generated);
            tables.add(column.table());
            columns.put(column.key(), column);
        }, schema, IGNORED_TABLES);
        eachRow(c, "SELECT con.conname, con.contype, t.relname,"
                        + " array_to_string(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)"
                        + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), ','),"
                        + " rt.relname,"
                        + " array_to_string(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)"
                        + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o), ',')"
                        + " FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_class rt ON rt.oid = con.confrelid"
                        + " WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f') AND t.relname NOT LIKE ?", r -> {
            char kind = r.getString(2).charAt(0);
            List<String> keyColumns = List.of(r.getString(4).split(","));
            // JPA does not order the columns of a composite key (EclipseLink picks its own order): a
            // primary key is compared by which columns it has, and the changelog chooses their order.
            Constraint constraint = new Constraint(r.getString(1), kind, r.getString(3),
                    kind == 'p' ? keyColumns.stream().sorted().toList() : keyColumns, r.getString(5),
                    r.getString(6) == null || r.getString(6).isEmpty() ? List.of() : List.of(r.getString(6).split(",")));
            constraints.put(constraint.key(), constraint);
        }, schema, IGNORED_TABLES);
        eachRow(c, "SELECT i.relname, t.relname, ix.indisunique, (ix.indexprs IS NOT NULL OR am.amname <> 'btree'),"
                        + " array_to_string(ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(n, o)"
                        + "   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o), ',')"
                        + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam"
                        + " WHERE n.nspname = ? AND t.relname NOT LIKE ?"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid)", r -> {
            if (r.getBoolean(4)) {
                notCompared.add(r.getString(1));
            } else {
                indexes.put(r.getString(1), new Index(r.getString(1), r.getString(2), List.of(r.getString(5).split(",")), r.getBoolean(3)));
            }
        }, schema, IGNORED_TABLES);
        return new SchemaModel(columns, constraints, indexes, tables, notCompared);
    }

    /** One row of a catalog query. */
    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a catalog query with string parameters and hands each row to {@code row}. */
    static void eachRow(Connection c, String sql, Row row, String... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        }
    }

    /** information_schema's type names, shortened to what a changeset would write. */
    static String type(String dataType, Integer length) {
        return switch (dataType) {
            case "character varying" -> length == null ? "varchar" : "varchar(" + length + ")";
            case "character" -> "char(" + length + ")";
            case "timestamp with time zone" -> "timestamp with time zone";
            case "timestamp without time zone" -> "timestamp";
            case "double precision" -> "double precision";
            default -> dataType;
        };
    }
}

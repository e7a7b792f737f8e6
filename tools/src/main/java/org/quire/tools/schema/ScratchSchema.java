package org.quire.tools.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An empty schema of its own in the ITs' database (DB_URL), for running the changelog from
 * nothing without touching the schema the deployed service uses. Dropped on close.
 */
public final class ScratchSchema implements AutoCloseable {

    public final String name = "scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final Database database;

    public ScratchSchema() throws SQLException {
        this(Database.fromEnvironment());
    }

    ScratchSchema(Database database) throws SQLException {
        this.database = database;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            // Database-wide and used by the service's own schema too: make sure it lives in public.
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
            s.execute("CREATE SCHEMA " + name);
        }
    }

    /** A connection whose current schema is the scratch one (public stays on the path for pg_trgm). */
    public Connection connect() throws SQLException {
        return database.connect(name);
    }

    /**
     * Tables, columns with types, defaults and nullability, indexes, constraints with their actions,
     * table storage options, triggers and functions.
     */
    public List<String> describe() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = database.connect()) {
            query(c, lines, "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')"
                    + " || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity"
                    + " FROM information_schema.columns WHERE table_schema = ? AND table_name NOT LIKE 'databasechangelog%'");
            query(c, lines, "SELECT 'index ' || indexname || ' ' || replace(indexdef, schemaname || '.', '')"
                    + " FROM pg_indexes WHERE schemaname = ? AND tablename NOT LIKE 'databasechangelog%'");
            query(c, lines, "SELECT 'constraint ' || con.conname || ' on ' || rel.relname || ' ' || pg_get_constraintdef(con.oid)"
                    + " FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace"
                    + " WHERE ns.nspname = ? AND rel.relname NOT LIKE 'databasechangelog%'");
            query(c, lines, "SELECT 'table ' || c.relname || ' ' || array_to_string(c.reloptions, ',') FROM pg_class c"
                    + " JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = ? AND c.reloptions IS NOT NULL");
            query(c, lines, "SELECT 'trigger ' || t.tgname || ' on ' || rel.relname || ' ' || pg_get_triggerdef(t.oid)"
                    + " FROM pg_trigger t JOIN pg_class rel ON rel.oid = t.tgrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace"
                    + " WHERE ns.nspname = ? AND NOT t.tgisinternal");
            query(c, lines, "SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc)"
                    + " FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace WHERE ns.nspname = ?");
        }
        lines.sort(null);
        return lines;
    }

    private void query(Connection c, List<String> lines, String sql) throws SQLException {
        SchemaModel.eachRow(c, sql, r -> lines.add(r.getString(1).replace(name + ".", "")), name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

}

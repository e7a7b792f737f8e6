package org.quire.tools.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;

/**
 * The schema the JPA entities imply: EclipseLink (as Payara runs it) generates its DDL into a
 * scratch schema, outside any server, from the WAR's own persistence unit: the same
 * META-INF/persistence.xml and the same classes, found as the server finds them, so a new entity
 * needs no list kept here. Only what ties the unit to a server is overridden: its JTA data source
 * becomes a direct connection, and DDL generation is switched on.
 */
final class EntitySchema {

    private static final String UNIT = "quire";

    private EntitySchema() {
    }

    static void generateInto(Database database, String schema) {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("jakarta.persistence.transactionType", "RESOURCE_LOCAL"),
                Map.entry("jakarta.persistence.jtaDataSource", ""),
                Map.entry("jakarta.persistence.jdbc.driver", "org.postgresql.Driver"),
                Map.entry("jakarta.persistence.jdbc.url", database.urlConfinedTo(schema)),
                Map.entry("jakarta.persistence.jdbc.user", database.user()),
                Map.entry("jakarta.persistence.jdbc.password", database.password()),
                Map.entry("jakarta.persistence.schema-generation.database.action", "create"),
                Map.entry("eclipselink.ddl-generation", "create-tables"),
                Map.entry("eclipselink.ddl-generation.output-mode", "database"),
                Map.entry("eclipselink.weaving", "false"),
                Map.entry("eclipselink.logging.level", "WARNING"));
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(UNIT, properties);
        try {
            factory.createEntityManager().close();
        } finally {
            factory.close();
        }
    }
}

package org.quire.platform;

import org.eclipse.persistence.platform.database.PostgreSQLPlatform;

/**
 * EclipseLink's PostgreSQL platform, told that the driver returns generated keys. Out of the box
 * EclipseLink reads an IDENTITY id with a second round trip after every INSERT
 * ({@code SELECT lastval()}); with this it asks JDBC for the generated keys, PgJDBC appends
 * {@code RETURNING} to the INSERT, and the id comes back with it, as Hibernate does it. EclipseLink
 * takes the first returned column, which is the id in every table Quire writes (the changelog
 * creates each with its id first). Named by {@code eclipselink.target-database} in persistence.xml.
 */
public class PostgreSQLWithGeneratedKeys extends PostgreSQLPlatform {

    public PostgreSQLWithGeneratedKeys() {
        setSupportsReturnGeneratedKeys(true);
    }
}

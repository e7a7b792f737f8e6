package org.quire.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the database stands against this build's changelog — what alembic current and history
 * tell: the changesets applied (in order, with date and tag), the ones pending, the latest tag.
 */
@ApplicationScoped
public class SchemaStatus {

    /** A changeset as Liquibase identifies it: id, author and file. */
    @Schema(name = "Changeset", description = "A changeset as Liquibase identifies it")
    public record Changeset(String id, String author, String file) {
    }

    @Schema(name = "AppliedChangeset", description = "A changeset applied to the database")
    public record Applied(String id, String author, String file,
                          @Schema(type = SchemaType.STRING, format = "date-time") Instant dateExecuted, String tag) {
    }

    @Schema(name = "SchemaReport", description = "Where the database schema stands against this build's changelog")
    public record Report(List<Applied> applied, List<Changeset> pending, String latestTag) {
    }

    @Resource(lookup = "jdbc/quire")
    DataSource dataSource;

    public Report report() throws SQLException {
        List<Applied> applied = applied();
        List<Changeset> pending = Changelog.changesets().stream()
                .filter(c -> applied.stream().noneMatch(a -> c.recordedAs(a.id(), a.author(), a.file())))
                .map(c -> new Changeset(c.id(), c.author(), c.file()))
                .toList();
        String latestTag = null;
        for (Applied a : applied) {
            if (a.tag() != null) {
                latestTag = a.tag();
            }
        }
        return new Report(applied, pending, latestTag);
    }

    private List<Applied> applied() throws SQLException {
        List<Applied> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             // Liquibase stores its local time in a timestamp column; read it as the session's zone did.
             ResultSet r = s.executeQuery("SELECT id, author, filename, dateexecuted AT TIME ZONE current_setting('TimeZone'), tag"
                     + " FROM databasechangelog ORDER BY orderexecuted")) {
            while (r.next()) {
                rows.add(new Applied(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(), r.getString(5)));
            }
        }
        return rows;
    }
}

package org.quire.tools.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quire.posts.Slugs;

/**
 * Writes the next numbered changeset file into liquibase/changes/ and lists it at the end of
 * liquibase/changelog.xml: the files alembic revision writes into versions/.
 */
final class ChangesetFiles {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{3})-.*\\.xml$");
    private static final String INCLUDE_BEFORE = "</databaseChangeLog>";

    private final Path liquibase;

    ChangesetFiles(Path liquibase) {
        this.liquibase = liquibase;
    }

    /** The next free number, after the highest in liquibase/changes/. */
    int nextNumber() throws IOException {
        try (Stream<Path> files = Files.list(liquibase.resolve("changes"))) {
            return files.map(f -> NUMBERED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
        }
    }

    /** Writes the changeset and includes it in the changelog; returns the file written. */
    Path write(String message, String author, List<String> changes, List<String> rollbacks, List<String> notes) throws IOException {
        String id = String.format("%03d-%s", nextNumber(), Slugs.derive(message));
        String file = "changes/" + id + ".xml";
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<databaseChangeLog\n")
                .append("        xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n")
                .append("        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("        xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd\"\n")
                .append("        logicalFilePath=\"liquibase/").append(file).append("\">\n")
                .append("    <changeSet id=\"").append(id).append("\" author=\"").append(escape(author)).append("\">\n")
                .append("        <comment>").append(escape(message)).append("</comment>\n");
        if (!notes.isEmpty()) {
            xml.append("        <!--\n");
            notes.forEach(n -> xml.append("            ").append(n.replace("--", "- -")).append('\n'));
            xml.append("        -->\n");
        }
        changes.forEach(c -> xml.append(indent(c, "        ")));
        xml.append("        <rollback>\n");
        if (rollbacks.isEmpty()) {
            xml.append("            <!-- What undoes this changeset. If nothing can, leave it empty and say why here. -->\n");
        } else {
            List<String> reversed = new ArrayList<>(rollbacks);
            Collections.reverse(reversed);
            reversed.forEach(r -> xml.append(indent(r, "            ")));
        }
        xml.append("        </rollback>\n")
                .append("    </changeSet>\n")
                .append("</databaseChangeLog>\n");
        Path written = liquibase.resolve(file);
        Files.writeString(written, xml);

        Path changelog = liquibase.resolve("changelog.xml");
        String master = Files.readString(changelog);
        int end = master.lastIndexOf(INCLUDE_BEFORE);
        Files.writeString(changelog, master.substring(0, end)
                + "    <include file=\"" + file + "\" relativeToChangelogFile=\"true\"/>\n" + master.substring(end));
        return written;
    }

    private static String indent(String block, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n")) {
            out.append(indent).append(line).append('\n');
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

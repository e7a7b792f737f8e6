package org.quire.tools.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.quire.schema.Changelog;
import org.quire.schema.SchemaMigration;

/**
 * A build step (process-classes): writes {@value Changelog#CHECKSUMS}, every changeset of the
 * changelog in order with the checksum Liquibase records for it and the tag it sets. A deployment
 * compares that list with databasechangelog and, when they agree, knows the schema is current
 * without starting Liquibase, which took two seconds of every start to find nothing to do.
 */
public final class ChangelogChecksums {

    private ChangelogChecksums() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(ChangelogChecksums.class.getClassLoader());
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(SchemaMigration.CHANGELOG, resources)
                .parse(SchemaMigration.CHANGELOG, new ChangeLogParameters(), resources);
        List<String> lines = new ArrayList<>();
        for (ChangeSet set : changelog.getChangeSets()) {
            String tag = "";
            for (Change change : set.getChanges()) {
                if (change instanceof TagDatabaseChange tagging) {
                    tag = tagging.getTag();
                }
            }
            lines.add(new Changelog.Changeset(set.getId(), set.getAuthor(), set.getFilePath(),
                    set.generateCheckSum(ChecksumVersion.latest()).toString(), tag).line());
        }
        Path out = classes.resolve(Changelog.CHECKSUMS);
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println("Wrote " + out + " (" + lines.size() + " changesets)");
    }
}

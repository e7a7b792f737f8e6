package org.quire.schema;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/** This build's changelog as the tests read it: its changesets in order, and the tags among them. */
final class Changelog {

    /** A changeset's id, and the tag it sets if it is a tagging one. */
    record Entry(String id, String file, String tag) {
    }

    private Changelog() {
    }

    static List<Entry> entries() throws Exception {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(Changelog.class.getClassLoader());
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(SchemaMigration.CHANGELOG, resources)
                .parse(SchemaMigration.CHANGELOG, new ChangeLogParameters(), resources);
        List<Entry> entries = new ArrayList<>();
        for (ChangeSet set : changelog.getChangeSets()) {
            String tag = null;
            for (Change change : set.getChanges()) {
                if (change instanceof TagDatabaseChange tagging) {
                    tag = tagging.getTag();
                }
            }
            entries.add(new Entry(set.getId(), set.getFilePath(), tag));
        }
        return entries;
    }

    static List<String> ids() throws Exception {
        return entries().stream().map(Entry::id).toList();
    }

    /** The last tag among the first {@code count} changesets; null if none of them tags. */
    static String latestTag(int count) throws Exception {
        String tag = null;
        for (Entry entry : entries().subList(0, count)) {
            if (entry.tag() != null) {
                tag = entry.tag();
            }
        }
        return tag;
    }
}

package org.quire.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * This build's changelog as the build recorded it ({@value #CHECKSUMS}, written by the
 * ChangelogChecksums build step): every changeset in order, with the checksum Liquibase stores
 * for it once applied and the tag it sets. Read instead of parsing the changelog with Liquibase.
 */
public final class Changelog {

    public static final String CHECKSUMS = "liquibase/changelog.checksums";

    /** A changeset as Liquibase identifies it (id, author, file), its checksum, and its tag or "". */
    public record Changeset(String id, String author, String file, String checksum, String tag) {

        public String line() {
            return String.join("\t", id, author, file, checksum, tag);
        }

        static Changeset of(String line) {
            String[] fields = line.split("\t", -1);
            return new Changeset(fields[0], fields[1], fields[2], fields[3], fields[4]);
        }

        /** Whether a row of databasechangelog records this changeset. */
        boolean recordedAs(String id, String author, String file) {
            return this.id.equals(id) && this.author.equals(author) && this.file.equals(file);
        }
    }

    private static final List<Changeset> CHANGESETS = read();

    private Changelog() {
    }

    public static List<Changeset> changesets() {
        return CHANGESETS;
    }

    private static List<Changeset> read() {
        try (InputStream in = Changelog.class.getClassLoader().getResourceAsStream(CHECKSUMS)) {
            if (in == null) {
                throw new IllegalStateException(CHECKSUMS + " is missing from the build: package it with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(Changeset::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

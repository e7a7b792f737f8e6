package org.quire.tools.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.quire.tools.dev.LocalPostgres;

/**
 * The schema commands Liquibase's Maven plugin has no goal for, as bin/quire-schema runs them:
 * {@code check} (alembic check), {@code autogenerate -m} (alembic revision --autogenerate),
 * {@code revision -m} (alembic revision) and {@code tag-exists} (so that upgrading to a tag the
 * changelog does not have is refused instead of applying everything). check and autogenerate
 * build scratch schemas in DB_URL's database, or in a throw-away local PostgreSQL without it.
 */
public final class SchemaCommands {

    private SchemaCommands() {
    }

    public static void main(String[] args) throws Exception {
        Path liquibase = Path.of(System.getProperty("quire.liquibaseDir", "liquibase"));
        String command = args.length == 0 ? "help" : args[0];
        String message = option(args, "-m");
        int status = switch (command) {
            case "check" -> check();
            case "autogenerate" -> autogenerate(liquibase, required(message, "autogenerate -m \"what changed\""));
            case "revision" -> revision(liquibase, required(message, "revision -m \"what changes\""));
            case "tag-exists" -> tagExists(liquibase, args.length > 1 ? args[1] : "");
            default -> {
                System.err.println("usage: SchemaCommands check | autogenerate -m MESSAGE | revision -m MESSAGE | tag-exists TAG");
                yield 2;
            }
        };
        System.exit(status);
    }

    private static int check() throws Exception {
        List<SchemaDrift.Difference> differences = compare();
        if (differences.isEmpty()) {
            System.out.println("The JPA entities and the changelog agree.");
            return 0;
        }
        System.out.println(SchemaComparison.report(differences));
        return 1;
    }

    private static int autogenerate(Path liquibase, String message) throws Exception {
        List<SchemaDrift.Difference> differences = compare();
        if (differences.isEmpty()) {
            System.out.println("The JPA entities and the changelog agree: nothing to write.");
            return 0;
        }
        List<String> changes = new ArrayList<>();
        List<String> rollbacks = new ArrayList<>();
        List<String> notes = new ArrayList<>(List.of("Written by bin/quire-schema autogenerate; review it before committing.", "Differences found:"));
        for (SchemaDrift.Difference d : differences) {
            notes.add("- " + d.description());
            if (!d.change().isEmpty()) {
                changes.add(d.change());
                rollbacks.add(d.rollback());
            }
        }
        Path written = new ChangesetFiles(liquibase).write(message, author(), changes, rollbacks, notes);
        System.out.println("Wrote " + written + " (" + changes.size() + " changes) and listed it in " + liquibase.resolve("changelog.xml"));
        return 0;
    }

    private static int revision(Path liquibase, String message) throws Exception {
        Path written = new ChangesetFiles(liquibase).write(message, author(), List.of(), List.of(), List.of());
        System.out.println("Wrote " + written + " and listed it in " + liquibase.resolve("changelog.xml"));
        return 0;
    }

    private static int tagExists(Path liquibase, String tag) throws Exception {
        Pattern tagged = Pattern.compile("<tagDatabase\\s+tag=\"" + Pattern.quote(tag) + "\"");
        try (var files = Files.walk(liquibase)) {
            boolean found = !tag.isBlank() && files.filter(f -> f.toString().endsWith(".xml"))
                    .anyMatch(f -> {
                        try {
                            return tagged.matcher(Files.readString(f)).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            if (!found) {
                System.err.println("The changelog has no tag '" + tag + "': refusing, rather than applying every pending changeset.");
                return 1;
            }
            return 0;
        }
    }

    private static List<SchemaDrift.Difference> compare() throws Exception {
        if (Database.configured()) {
            return SchemaComparison.run(Database.fromEnvironment());
        }
        Path dir = Files.createTempDirectory("quire-schema-check");
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"), 0, true)) {
            return SchemaComparison.run(new Database(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD));
        }
    }

    private static String author() {
        String author = System.getProperty("author");
        if (author == null || author.isBlank()) {
            author = System.getenv("USER");
        }
        return author == null || author.isBlank() ? "quire" : author;
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String required(String value, String usage) {
        if (value == null || value.isBlank()) {
            System.err.println("usage: " + usage);
            System.exit(2);
        }
        return value;
    }
}

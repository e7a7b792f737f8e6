package org.quire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The log of the Payara Micro the ITs deploy to, as a file the tests can read. Before the first
 * test it writes the ITs' logging configuration: the admin's server-config/logging.properties,
 * unchanged, plus a file handler with the same formatter (pom.xml points Arquillian at it).
 */
public class ServerLog implements LauncherSessionListener {

    /** A line of a Java stack trace, as a logged exception prints it. */
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)$");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String properties = System.getProperty("quire.it.logProperties");
        if (properties == null || properties.isBlank()) {
            return;
        }
        try {
            String admins = Files.readString(Path.of(System.getProperty("quire.serverConfig"), "logging.properties"));
            Files.writeString(Path.of(properties), admins + """

                    # The ITs only: the same records in a file too, for ServerLog.
                    handlers=java.util.logging.ConsoleHandler,java.util.logging.FileHandler
                    java.util.logging.FileHandler.pattern=%s
                    java.util.logging.FileHandler.append=true
                    java.util.logging.FileHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter
                    java.util.logging.FileHandler.encoding=UTF-8
                    """.formatted(file().toString().replace("\\", "/")));
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ITs' logging configuration " + properties, e);
        }
    }

    public static Path file() {
        return Path.of(System.getProperty("quire.it.serverLog"));
    }

    /** How far the log has grown, to read what a test made it write. */
    public static long size() {
        try {
            return Files.exists(file()) ? Files.size(file()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of every record written after {@code offset} that carries a stack trace. */
    public static List<String> stackTracesSince(long offset) {
        List<String> traced = new ArrayList<>();
        String record = null;
        boolean reported = false;
        for (String line : since(offset).split("\n")) {
            if (startsRecord(line)) {
                record = line;
                reported = false;
            } else if (!reported && STACK_FRAME.matcher(line).matches()) {
                traced.add(record == null ? line : record.length() > 300 ? record.substring(0, 300) : record);
                reported = true;
            }
        }
        return traced;
    }

    /** The records written after {@code offset}, each as its first line. */
    public static List<String> recordsSince(long offset) {
        List<String> records = new ArrayList<>();
        for (String line : since(offset).split("\n")) {
            if (startsRecord(line)) {
                records.add(line);
            }
        }
        return records;
    }

    /** A record's first line begins with its time stamp: {@code [2026-12-03T…]}. */
    private static boolean startsRecord(String line) {
        return line.startsWith("[") && line.length() > 1 && Character.isDigit(line.charAt(1));
    }

    private static String since(long offset) {
        try {
            byte[] all = Files.exists(file()) ? Files.readAllBytes(file()) : new byte[0];
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.quire.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quire.categories.CategoryView;
import org.quire.posts.PostView;
import org.quire.schema.SchemaStatus;
import org.quire.users.UserView;

/**
 * Quire writes its responses itself; clients were promised JSON-B's shape. Every record the API
 * answers with, and text of every kind, must come out byte for byte as JSON-B (Yasson, the
 * implementation Payara runs, configured as Quire configured it) writes it.
 */
class RecordJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    private static final Instant CREATED = Instant.parse("2026-12-03T11:36:18.463Z");

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void everyRecordOfTheApiIsWrittenAsJsonbWritesIt() {
        PostView post = new PostView(7, "Migrations, \"safely\"", "migrations-safely", "Line one\nline two\tand a \\ backslash",
                "published", 3, 12, CREATED, Instant.parse("2026-12-03T12:00:00Z"), 2);
        PostView draft = new PostView(8, "Draft", "draft", "", "draft", null, null, CREATED, CREATED.plusNanos(1_000), 1);
        assertSameAsJsonb(post);
        assertSameAsJsonb(draft);
        assertSameAsJsonb(Page.of(List.of(post, draft), new PageRequest(1, 20), 2));
        assertSameAsJsonb(Page.empty(new PageRequest(3, 50)));
        assertSameAsJsonb(new CategoryView(3, "Ops", null));
        assertSameAsJsonb(Page.of(List.of(new CategoryView(3, "Ops", "Running it")), new PageRequest(1, 20), 1));
        assertSameAsJsonb(new UserView(12, "ada", "ada@example.org", "Ada L.", CREATED));
        assertSameAsJsonb(Problem.of(404, "Not Found", "No post with id 9.", "/api/posts/9", List.of()));
        assertSameAsJsonb(Problem.of(422, "Unprocessable Content", "The post is not valid.", "/api/posts",
                List.of(new FieldError("title", "must not be blank"), new FieldError("slug", "is taken"))));
        assertSameAsJsonb(new SchemaStatus.Report(
                List.of(new SchemaStatus.Applied("001", "quire", "liquibase/changes/001.yaml", CREATED, "v1"),
                        new SchemaStatus.Applied("002", "quire", "liquibase/changes/002.yaml", CREATED, null)),
                List.of(new SchemaStatus.Changeset("003", "quire", "liquibase/changes/003.yaml")), "v1"));
        assertSameAsJsonb(new SchemaStatus.Report(List.of(), List.of(), null));
    }

    @Test
    void textOfEveryKindIsEscapedAndEncodedAsJsonbDoes() {
        StringBuilder controls = new StringBuilder();
        IntStream.range(0, 0x20).forEach(c -> controls.append((char) c));
        for (String text : List.of("", "plain", "\"quoted\"", "back\\slash", "/slash/", controls.toString(), "\u007f del",
                "é à ü ß", "Привет, мир", "中文", "emoji 😀 and 𝄞", "line\u2028separator", "lone \ud800 high", "lone \udc00 low",
                "high at end \ud83d", "\ud83d\ud83d twice high")) {
            assertSameAsJsonb(new FieldError(text, text));
        }
    }

    @Test
    void randomTextAcrossTheBufferBoundaryComesOutAsJsonbWritesIt() {
        Random random = new Random(20261203);
        char[] alphabet = "abc \"\\\n\t\u0001é中😀\ud800".toCharArray();
        for (int round = 0; round < 200; round++) {
            int length = random.nextInt(round < 100 ? 40 : 20_000);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) random.nextInt(0x3000));
            }
            assertSameAsJsonb(new FieldError("f", text.toString()));
        }
    }

    @Test
    void aPageIsWrittenWholeAfterItsLength() {
        Page<PostView> page = pageOfPosts(100, id -> "word ".repeat(id * 30) + "\"end\"");
        assertSameAsJsonb(page);
        CountingStream counter = new CountingStream();
        Integer length = write(page, counter);
        assertEquals(1, counter.writes, "a page goes to the stream in one write");
        assertEquals(counter.bytes, length, "its length is told before it is written");
    }

    @Test
    void anAnswerOverOneMibIsStreamedWithoutALength() {
        // Posts may hold up to 1 MiB of text each: such a page is not held in memory whole.
        Page<PostView> page = pageOfPosts(60, id -> ("line " + id + "\n").repeat(2500));
        assertSameAsJsonb(page);
        CountingStream counter = new CountingStream();
        assertNull(write(page, counter), "no length is told for an answer that is not held whole");
        assertTrue(counter.bytes > 1 << 20 && counter.writes > 1, counter.writes + " writes of " + counter.bytes + " bytes");
    }

    private static Page<PostView> pageOfPosts(int count, IntFunction<String> content) {
        List<PostView> posts = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            posts.add(new PostView(id, "Title " + id, "title-" + id, content.apply(id), "published", id % 7, id,
                    CREATED.plusSeconds(id), CREATED.plusSeconds(id * 2L), id));
        }
        return Page.of(posts, new PageRequest(1, count), 100_000);
    }

    /** A writer that does not know what JSON-B would do refuses to guess. */
    record Renamed(@JsonbProperty("other") String name) {
    }

    record WithFraction(double ratio) {
    }

    @Test
    void aRecordItCannotWriteAsJsonbWouldIsRefusedWithTheReason() {
        IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class, () -> RecordJson.checkWritable(Renamed.class));
        assertTrue(renamed.getMessage().contains("JsonbProperty"), renamed.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class, () -> RecordJson.checkWritable(WithFraction.class));
        assertTrue(fraction.getMessage().contains("double"), fraction.getMessage());
    }

    private static void assertSameAsJsonb(Record body) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        JSONB.toJson(body, body.getClass(), expected);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(body, bytes);
        byte[] written = bytes.toByteArray();
        assertEquals(expected.toString(StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), written);
    }

    /** Writes the answer; the length it was told beforehand, or null if none. */
    private static Integer write(Record body, OutputStream out) {
        Integer[] told = new Integer[1];
        try {
            RecordJson.write(body, out, length -> told[0] = length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return told[0];
    }

    /** How many writes reached the stream, and how many bytes in all. */
    private static final class CountingStream extends OutputStream {
        int writes;
        int bytes;

        @Override
        public void write(int b) {
            writes++;
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes += len;
        }
    }
}

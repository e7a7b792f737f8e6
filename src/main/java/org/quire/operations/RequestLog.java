package org.quire.operations;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The request log: one INFO line per API request on the {@code quire.requests} logger (and one
 * more for an answer whose client hung up before it was written, see {@link ClientHangUps}), formatted
 * by the server's log handler like every other line. Request threads only queue the record; one
 * background thread hands the records to the handler. A console handler writes and flushes under
 * a lock, and under load every request thread queued on it: the log cost a third of the throughput.
 * When the writer cannot keep up, lines are dropped and counted rather than slowing requests, and
 * a warning says how many.
 */
@ApplicationScoped
public class RequestLog {

    static final Logger REQUESTS = Logger.getLogger("quire.requests");
    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
    private static final int QUEUE = 8192;
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final BlockingQueue<LogRecord> queued = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread writer;

    void start(@Observes Startup startup) {
        writer = threads.newThread(this::write);
        writer.setName("quire-request-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the line of one request: {@code GET /api/posts 200 12ms}. */
    void record(String method, String path, int status, long nanos) {
        queue(method + " " + path + " " + status + " " + nanos / 1_000_000 + "ms");
    }

    /**
     * Queues the line of an answer its client hung up on:
     * {@code GET /api/posts 200 not delivered: the client closed the connection (Broken pipe)}.
     */
    void notDelivered(String method, String path, int status, String reason) {
        queue(method + " " + path + " " + status + " not delivered: the client closed the connection (" + reason + ")");
    }

    private void queue(String message) {
        if (!REQUESTS.isLoggable(Level.INFO)) {
            return;
        }
        LogRecord line = new LogRecord(Level.INFO, message);
        line.setLoggerName(REQUESTS.getName());
        if (writer == null || !queued.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        List<LogRecord> batch = new ArrayList<>();
        long warnedAt = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queued.take());
                queued.drainTo(batch);
                batch.forEach(this::publish);
                batch.clear();
                if (dropped.get() > 0 && System.nanoTime() - warnedAt > WARN_EVERY_NANOS) {
                    LOG.warning("Request log: " + dropped.getAndSet(0) + " lines dropped, the log handler could not keep up");
                    warnedAt = System.nanoTime();
                }
            }
        } catch (InterruptedException stopping) {
            queued.drainTo(batch);
            batch.forEach(this::publish);
        }
    }

    /** Written by this thread, and said to be: the line names no request thread. */
    private void publish(LogRecord line) {
        line.setLongThreadID(Thread.currentThread().getId());
        REQUESTS.log(line);
    }

    @PreDestroy
    void stop() {
        Thread running = writer;
        writer = null;
        if (running != null) {
            running.interrupt();
        }
    }
}

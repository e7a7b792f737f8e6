package org.quire.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time the service stamps on records: milliseconds, so that what is stored is exactly what is shown. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

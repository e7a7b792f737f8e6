package org.quire.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a transaction, for a service that must act after one rolled back: try again when
 * a concurrent writer took a unique value first, or find out which reference was missing. The
 * interceptor behind {@code @Transactional} only wraps calls from another bean; this is that bean.
 */
@ApplicationScoped
public class Transactions {

    @Transactional
    public <T> T required(Supplier<T> work) {
        return work.get();
    }
}

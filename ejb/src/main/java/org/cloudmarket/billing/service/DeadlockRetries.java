package org.cloudmarket.billing.service;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A billing run's transaction that the database rolled back to break a deadlock, tried again. A run's partitions write
 * their chunks side by side, and InnoDB's next-key locks on the proceeds' and orders' unique keys (an
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} locks the gap it checks) can catch two chunks in a cycle, most of all when a
 * restarted run writes chunks whose rows exist already; InnoDB then rolls one back and asks for exactly this ("try
 * restarting transaction"). The work is idempotent (natural keys, guarded period advances), so a retry bills nothing
 * twice. Only after the retries is the failure the caller's (a chunk written one by one, a subscription the run's error).
 */
final class DeadlockRetries {

    private static final Logger LOG = Logger.getLogger(DeadlockRetries.class.getName());
    static final int RETRIES = 4;

    private DeadlockRetries() {
    }

    static <T> T call(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt > RETRIES || !deadlock(e)) {
                    throw e;
                }
                LOG.log(Level.INFO, what + ": rolled back by a deadlock, attempt " + attempt + " of " + (RETRIES + 1));
                pause(attempt);
            }
        }
    }

    static void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /** Whether the database rolled the transaction back to break a deadlock (SQLSTATE 40001), at any depth of causes. */
    static boolean deadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException || cause instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A short random wait, longer at each attempt, so that the two chunks do not meet again in the same order. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a deadlocked billing write", e);
        }
    }
}

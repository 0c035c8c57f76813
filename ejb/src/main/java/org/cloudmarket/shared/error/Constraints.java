package org.cloudmarket.shared.error;

import java.sql.SQLIntegrityConstraintViolationException;

/** Whether a failed write was refused by a database constraint (a unique key that a racing writer took first). */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}

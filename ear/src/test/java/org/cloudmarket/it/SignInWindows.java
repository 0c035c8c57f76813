package org.cloudmarket.it;

/**
 * The sign-in throttle's table, as only the tests touch it (through their own database
 * connection; the server has no way to do this): every IT comes from 127.0.0.1, so each class
 * starts with no failed attempts counted, and a test can make a window older than it is.
 */
final class SignInWindows {

    private SignInWindows() {
    }

    static void forgetAll() {
        TestDatabase.update("DELETE FROM sign_in_window");
    }

    /** Moves the account's window back by more than its length, as if 16 minutes had passed. */
    static void age(String email) {
        int aged = TestDatabase.update("""
                UPDATE sign_in_window SET started_at = TIMESTAMPADD(MINUTE, -16, started_at)
                WHERE kind = 'ACCOUNT' AND subject = SHA2(?, 256)
                  AND tenant_id = (SELECT tenant_id FROM app_user WHERE email = ?)""", email, email);
        if (aged != 1) {
            throw new AssertionError("No sign-in window for " + email);
        }
    }
}

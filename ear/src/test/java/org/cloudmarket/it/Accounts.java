package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users the account tests make for themselves (unique per run): invited through the API, with a
 * password set through a link the test writes into account_token itself (only the SHA-256 of a
 * link is stored, so the test knows a secret only if it made it).
 */
final class Accounts {

    static final String PASSWORD = "correct horse battery staple";
    static final String FAR_FUTURE = "2999-01-01 00:00:00";
    static final String LONG_AGO = "2000-01-01 00:00:00";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** A user of the test: its id and e-mail. */
    record Account(long id, String email) {
    }

    private Accounts() {
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + Unique.suffix() + "@acme.test";
    }

    /** Invites a user through POST /users as the given caller; asserts the 201. */
    static Account invite(Http http, String callerToken, String role, Long organizationId) {
        String email = uniqueEmail(role.toLowerCase());
        HttpResponse<String> created = http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"role\":\"" + role
                + "\",\"displayName\":\"Test " + role + "\"" + (organizationId == null ? "" : ",\"organizationId\":" + organizationId) + "}",
                Http.bearer(callerToken));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        return new Account(Http.json(created).get("id").asLong(), email);
    }

    /** Invites a user as acme's admin and sets its password through an invitation link. */
    static Account withPassword(Http acme, String role, Long organizationId) {
        Account account = invite(acme, acme.token("admin@acme.test", "demo"), role, organizationId);
        String secret = link(account, "INVITATION", FAR_FUTURE);
        HttpResponse<String> set = acme.putJson("/api/v1/password-resets/" + secret, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(set.statusCode()).as("%s", set.body()).isEqualTo(204);
        return account;
    }

    /** A single-use link of the user, as the server would have mailed it, expiring when told. */
    static String link(Account account, String purpose, String expiresAt) {
        String secret = "test-link-" + purpose + "-" + Unique.suffix();
        int rows = TestDatabase.update("""
                INSERT INTO account_token (tenant_id, user_id, purpose, token_hash, created_at, expires_at)
                SELECT tenant_id, id, ?, SHA2(?, 256), '2020-01-01 00:00:00', ? FROM app_user WHERE id = ?""",
                purpose, secret, expiresAt, account.id());
        assertThat(rows).isEqualTo(1);
        return secret;
    }

    static long organizationId(String name) {
        return Long.parseLong(TestDatabase.query("SELECT o.id FROM organization o JOIN tenant t ON t.id = o.tenant_id"
                + " WHERE t.slug = 'acme' AND o.name = ?", name).get(0));
    }

    static long userId(String email) {
        return Long.parseLong(TestDatabase.query("SELECT u.id FROM app_user u JOIN tenant t ON t.id = u.tenant_id"
                + " WHERE t.slug = 'acme' AND u.email = ?", email).get(0));
    }

    /**
     * Gets the page, then posts its form back with its view state and the given (encoded) fields,
     * as a browser would; {@code headers} go with both requests (a session cookie).
     */
    static HttpResponse<String> submit(Http browser, String path, String form, String fields, String... headers) {
        String page = browser.get(path, headers).body();
        Matcher viewState = VIEW_STATE.matcher(page);
        assertThat(viewState.find()).as("%s carries a view state", path).isTrue();
        return browser.postForm(path, form + "=" + form + "&" + fields + "&" + form + "%3Asubmit="
                + "&jakarta.faces.ViewState=" + encode(viewState.group(1)), headers);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

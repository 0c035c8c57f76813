package org.cloudmarket.identity.domain;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;

/** A person who signs in to one tenant, with one role. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.id")
public class User extends TenantOwned {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String ALL = "User.all";
    /** The columns' bounds (identity.xml): longer input is a 422 naming its field, never a database error. */
    public static final int EMAIL_LENGTH = 254;
    public static final int DISPLAY_NAME_LENGTH = 200;
    /** Beyond what a strict parse checks: a domain with a dot, no white space anywhere. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Null until the user followed the verification link: an unverified customer may not buy. */
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /** Raised at every password change: a browser session remembers the version it signed in with. */
    @Column(name = "credentials_version")
    private int credentialsVersion;

    @Version
    private long version;

    protected User() {
    }

    public User(String email, String displayName, Role role, Organization organization, String passwordHash, Instant createdAt) {
        this.email = email(email);
        this.displayName = displayName(displayName);
        if (role == null) {
            throw new InvalidInput("role", "A user needs a role");
        }
        if (!role.organizationKind().equals(Optional.ofNullable(organization).map(Organization::getKind))) {
            throw new InvalidInput("organization", "A " + role + " user belongs to "
                    + role.organizationKind().map(kind -> "a " + kind).orElse("no organization"));
        }
        this.role = role;
        this.organization = organization;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /** Impersonation: only downwards, and only between users who may both still sign in. */
    public boolean mayActAs(User target) {
        return enabled && target.enabled && role.mayImpersonate(target.role);
    }

    /**
     * The one e-mail rule of the platform (users, sign-ups, the address a mail goes to): the text,
     * normalized, is one bare address (no display name, no list, no angle brackets) that Jakarta
     * Mail parses strictly and back to itself, with a dotted domain, at most 254 characters.
     * Anything else is refused as {@code email}, before it can reach the database or the outbox.
     */
    public static String email(String given) {
        String email = normalizeEmail(given);
        if (email.isEmpty()) {
            throw new InvalidInput("email", "email is required");
        }
        if (email.length() > EMAIL_LENGTH) {
            throw new InvalidInput("email", "An e-mail address has at most " + EMAIL_LENGTH + " characters");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(email, true);
            if (parsed.length != 1 || parsed[0].getPersonal() != null || !email.equals(parsed[0].getAddress())
                    || !EMAIL.matcher(email).matches()) {
                throw new AddressException(email);
            }
            parsed[0].validate();
        } catch (AddressException e) {
            throw new InvalidInput("email", "Not a valid e-mail address");
        }
        return email;
    }

    /** Whether the text, normalized, is an address a user can have ({@link #email}). */
    public static boolean isEmail(String given) {
        try {
            email(given);
            return true;
        } catch (InvalidInput invalid) {
            return false;
        }
    }

    /** A display name: given, stripped, and within its column. */
    static String displayName(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidInput("displayName", "A user needs a display name");
        }
        String name = given.strip();
        if (name.length() > DISPLAY_NAME_LENGTH) {
            throw new InvalidInput("displayName", "A display name has at most " + DISPLAY_NAME_LENGTH + " characters");
        }
        return name;
    }

    /** E-mail addresses compare case-insensitively. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Optional<Organization> getOrganization() {
        return Optional.ofNullable(organization);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    public int getCredentialsVersion() {
        return credentialsVersion;
    }

    /**
     * A new password (already checked by PasswordPolicy and hashed): every session signed in with
     * the old one ends (credentials version), and the caller revokes the user's API tokens.
     */
    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.credentialsVersion++;
    }

    public void changeDisplayName(String name) {
        this.displayName = displayName(name);
    }

    public void changeRole(Role newRole) {
        if (newRole == null || !newRole.organizationKind().equals(getOrganization().map(Organization::getKind))) {
            throw new InvalidInput("role", "A " + newRole + " user cannot belong to "
                    + getOrganization().map(o -> "a " + o.getKind()).orElse("the tenant's staff"));
        }
        this.role = newRole;
    }

    public void enable() {
        this.enabled = true;
    }

    /** Ends its sessions for good: enabling it again does not bring them back. */
    public void disable() {
        this.enabled = false;
        this.credentialsVersion++;
    }

    /** Erases what identifies the person (account closing): the row stays for the audit trail. */
    public void anonymise(String unusableHash) {
        this.email = "closed-" + getId() + "@closed.invalid";
        this.displayName = "Closed account";
        this.passwordHash = unusableHash;
        this.credentialsVersion++;
        this.enabled = false;
    }
}

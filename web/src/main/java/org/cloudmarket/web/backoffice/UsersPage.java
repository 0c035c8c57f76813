package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.accounts.service.OrganizationView;
import org.cloudmarket.accounts.service.UserAdministration;
import org.cloudmarket.identity.service.UserView;
import org.cloudmarket.shared.error.DomainException;

/**
 * The users the caller may see (UserAdministrationRules decides): the back-office's list with the
 * invite form and each row's role, name and enabling; the company customer's colleagues page uses
 * the list and the invite form with the role fixed to CUSTOMER.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> INVITE_FIELDS = Set.of("email", "displayName", "role");

    @Inject
    private UserAdministration administration;

    private String email;
    private String displayName;
    private Role role;
    private Long organizationId;

    /** Each row's edited role and name, by user id. */
    private final Map<Long, Role> roles = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    private transient List<UserView> users;
    private transient List<SelectItem> organizations;

    public List<UserView> getUsers() {
        if (users == null) {
            users = administration.list();
            users.forEach(user -> {
                roles.putIfAbsent(user.id(), user.role());
                names.putIfAbsent(user.id(), user.displayName());
            });
        }
        return users;
    }

    /** SUPERVISOR reads and changes nothing: the page shows no form to it. */
    public boolean isReadOnly() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.Names.SUPERVISOR);
    }

    public List<Role> getRoleChoices() {
        return Arrays.stream(Role.values()).filter(choice -> choice != Role.SUPER_ADMIN).toList();
    }

    /** Where an invited user may go: the staff (for tenant staff) and each organization the caller manages. */
    public List<SelectItem> getOrganizations() {
        if (organizations == null) {
            organizations = new ArrayList<>();
            if (FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.Names.ADMIN)) {
                organizations.add(new SelectItem(null, "-"));
            }
            for (OrganizationView organization : administration.invitableOrganizations()) {
                organizations.add(new SelectItem(organization.id(), organization.name() + " (" + organization.kind() + ")"));
            }
        }
        return organizations;
    }

    public void invite() {
        try {
            UserView invited = administration.invite(new UserAdministration.Invite(email, role, displayName, organizationId),
                    ClientAddress.ofRequest(), Channel.WEB);
            email = null;
            displayName = null;
            users = null;
            PageMessages.done(invited.email() + " is invited: an e-mail with a link to set a password is on its way.");
        } catch (DomainException refused) {
            FieldMessages.refused("invite", INVITE_FIELDS, refused);
        }
    }

    /** A company customer invites a colleague into its own organization. */
    public void inviteColleague() {
        role = Role.CUSTOMER;
        organizationId = null;
        invite();
    }

    public void save(long userId) {
        change(userId, new UserAdministration.Change(null, roles.get(userId), names.get(userId)));
    }

    public void setEnabled(long userId, boolean enabled) {
        change(userId, new UserAdministration.Change(enabled, null, null));
    }

    private void change(long userId, UserAdministration.Change change) {
        try {
            UserView changed = administration.change(userId, change, ClientAddress.ofRequest(), Channel.WEB);
            users = null;
            roles.remove(userId);
            names.remove(userId);
            PageMessages.done(changed.email() + " is saved.");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public Map<Long, Role> getRoles() {
        return roles;
    }

    public Map<Long, String> getNames() {
        return names;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }
}

package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudmarket.identity.domain.UserAdministrationRules.Member;
import org.cloudmarket.identity.domain.UserAdministrationRules.Party;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.PartyKind;
import org.junit.jupiter.api.Test;

class UserAdministrationRulesTest {

    private static final Party NIMBUS = new Party(10L, OrganizationKind.VENDOR, null, null);
    private static final Party ALPINE = new Party(20L, OrganizationKind.DISTRIBUTOR, null, null);
    private static final Party BRIGHT = new Party(30L, OrganizationKind.RESELLER, 20L, null);
    private static final Party CLOUDY = new Party(31L, OrganizationKind.RESELLER, 21L, null);
    private static final Party ROSSI = new Party(40L, OrganizationKind.CUSTOMER, 30L, PartyKind.COMPANY);
    private static final Party CLOUDY_CUSTOMER = new Party(41L, OrganizationKind.CUSTOMER, 31L, PartyKind.COMPANY);
    private static final Party MARIO = new Party(42L, OrganizationKind.CUSTOMER, 30L, PartyKind.PERSON);

    private static final Member ADMIN = new Member(1, Role.ADMIN, Party.STAFF);
    private static final Member SUPERVISOR = new Member(2, Role.SUPERVISOR, Party.STAFF);
    private static final Member BRIGHT_USER = new Member(3, Role.RESELLER, BRIGHT);
    private static final Member CLOUDY_USER = new Member(4, Role.RESELLER, CLOUDY);
    private static final Member ROSSI_USER = new Member(5, Role.CUSTOMER, ROSSI);
    private static final Member MARIO_USER = new Member(6, Role.CUSTOMER, MARIO);
    private static final Member VENDOR_USER = new Member(7, Role.VENDOR, NIMBUS);
    private static final Member DISTRIBUTOR_USER = new Member(8, Role.DISTRIBUTOR, ALPINE);
    private static final Member SUPER_ADMIN = new Member(9, Role.SUPER_ADMIN, Party.STAFF);

    @Test
    void anAdminInvitesEveryRoleButSuperAdmin() {
        assertThatCode(() -> UserAdministrationRules.checkInvite(ADMIN, Role.SUPERVISOR, Party.STAFF)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkInvite(ADMIN, Role.ADMIN, Party.STAFF)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkInvite(ADMIN, Role.VENDOR, NIMBUS)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkInvite(ADMIN, Role.CUSTOMER, ROSSI)).doesNotThrowAnyException();
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(ADMIN, Role.SUPER_ADMIN, Party.STAFF)).isInstanceOf(Forbidden.class);
    }

    @Test
    void theRoleMustFitTheOrganizationsKind() {
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(ADMIN, Role.RESELLER, NIMBUS))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("role");
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(ADMIN, Role.SUPERVISOR, NIMBUS)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(ADMIN, Role.VENDOR, Party.STAFF)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void anAdminNeverPromotesToSuperAdminNorChangesOne() {
        Member target = new Member(50, Role.SUPERVISOR, Party.STAFF);

        assertThatThrownBy(() -> UserAdministrationRules.checkChange(ADMIN, target, Role.SUPER_ADMIN, null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(ADMIN, SUPER_ADMIN, null, false)).isInstanceOf(Forbidden.class);
        assertThatCode(() -> UserAdministrationRules.checkChange(ADMIN, target, Role.ADMIN, false)).doesNotThrowAnyException();
    }

    @Test
    void anAdminCannotDisableOrDemoteItselfButMayRenameItself() {
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(ADMIN, ADMIN, null, false)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(ADMIN, ADMIN, Role.SUPERVISOR, null)).isInstanceOf(Forbidden.class);
        assertThatCode(() -> UserAdministrationRules.checkChange(ADMIN, ADMIN, Role.ADMIN, true)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkChange(ADMIN, ADMIN, null, null)).doesNotThrowAnyException();
    }

    @Test
    void aSupervisorReadsEveryoneAndChangesNothing() {
        assertThat(UserAdministrationRules.sees(SUPERVISOR, ROSSI_USER)).isTrue();
        assertThat(UserAdministrationRules.listsUsers(SUPERVISOR)).isTrue();
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(SUPERVISOR, Role.SUPERVISOR, Party.STAFF)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(SUPERVISOR, ROSSI_USER, null, false)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(SUPERVISOR, SUPERVISOR, null, null)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aResellerManagesItsColleaguesAndItsOwnCustomersUsers() {
        assertThatCode(() -> UserAdministrationRules.checkInvite(BRIGHT_USER, Role.RESELLER, BRIGHT)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkInvite(BRIGHT_USER, Role.CUSTOMER, ROSSI)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkChange(BRIGHT_USER, ROSSI_USER, null, false)).doesNotThrowAnyException();
        assertThat(UserAdministrationRules.sees(BRIGHT_USER, ROSSI_USER)).isTrue();
    }

    @Test
    void anotherSellersCustomersAreNotFoundForAReseller() {
        assertThat(UserAdministrationRules.sees(CLOUDY_USER, ROSSI_USER)).isFalse();
        assertThat(UserAdministrationRules.sees(CLOUDY_USER, BRIGHT_USER)).isFalse();
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(CLOUDY_USER, Role.CUSTOMER, ROSSI)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(CLOUDY_USER, ROSSI_USER, null, false)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(BRIGHT_USER, Role.CUSTOMER, CLOUDY_CUSTOMER)).isInstanceOf(NotFound.class);
    }

    @Test
    void aResellerCannotPromoteAnyoneToStaff() {
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(BRIGHT_USER, Role.ADMIN, Party.STAFF)).isInstanceOf(NotFound.class);
        Member colleague = new Member(60, Role.RESELLER, BRIGHT);
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(BRIGHT_USER, colleague, Role.ADMIN, null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aCompanyCustomerInvitesColleaguesAndAPersonCannot() {
        assertThatCode(() -> UserAdministrationRules.checkInvite(ROSSI_USER, Role.CUSTOMER, ROSSI)).doesNotThrowAnyException();
        assertThat(UserAdministrationRules.listsUsers(ROSSI_USER)).isTrue();
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(MARIO_USER, Role.CUSTOMER, MARIO)).isInstanceOf(Forbidden.class);
        assertThat(UserAdministrationRules.listsUsers(MARIO_USER)).isFalse();
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(ROSSI_USER, Role.CUSTOMER, MARIO)).isInstanceOf(NotFound.class);
    }

    @Test
    void vendorsAndDistributorsManageOnlyTheirColleagues() {
        assertThatCode(() -> UserAdministrationRules.checkInvite(VENDOR_USER, Role.VENDOR, NIMBUS)).doesNotThrowAnyException();
        assertThatCode(() -> UserAdministrationRules.checkInvite(DISTRIBUTOR_USER, Role.DISTRIBUTOR, ALPINE)).doesNotThrowAnyException();
        assertThat(UserAdministrationRules.sees(DISTRIBUTOR_USER, BRIGHT_USER)).as("a distributor's resellers are not its colleagues").isFalse();
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(DISTRIBUTOR_USER, Role.RESELLER, BRIGHT)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> UserAdministrationRules.checkInvite(VENDOR_USER, Role.DISTRIBUTOR, ALPINE)).isInstanceOf(NotFound.class);
    }

    @Test
    void nobodyDisablesThemselves() {
        assertThatThrownBy(() -> UserAdministrationRules.checkChange(BRIGHT_USER, BRIGHT_USER, null, false)).isInstanceOf(Forbidden.class);
        assertThatCode(() -> UserAdministrationRules.checkChange(MARIO_USER, MARIO_USER, null, null)).doesNotThrowAnyException();
    }
}

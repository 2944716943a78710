package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which reads a customer's GDAP roles allow (spec 23), each read by any one of its roles in an
 * active relationship.
 */
class GdapRolesTest {

  static final Customer C = new Customer("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "C", "c.example");

  static GdapSeed.Entry relationship(String status, String... roles) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("status", status);
    r.putObject("customer").put("tenantId", C.id().toUpperCase());
    var unified = r.putObject("accessDetails").putArray("unifiedRoles");
    for (String role : roles) unified.addObject().put("roleDefinitionId", role);
    return new GdapSeed.Entry(r, List.of());
  }

  @Test
  void directoryReadersAloneShowCustomDomainsAndUsersButNotTheAddressOrEmail() {
    GdapRoles roles = new GdapRoles(List.of(relationship("active", GdapSeed.DIRECTORY_READERS)));

    assertThat(roles.allows(C, GdapRoles.Read.CUSTOM_DOMAINS)).isTrue();
    assertThat(roles.allows(C, GdapRoles.Read.USERS)).isTrue();
    assertThat(roles.allows(C, GdapRoles.Read.SUBSCRIBED_SKUS)).isTrue();
    assertThat(roles.allows(C, GdapRoles.Read.ADDRESS_AND_EMAIL)).isFalse();
  }

  @Test
  void licenseAdministratorReadsSkusButNotUsersAndAnInactiveRelationshipGivesNothing() {
    GdapRoles roles =
        new GdapRoles(
            List.of(
                relationship("active", GdapSeed.LICENSE_ADMINISTRATOR),
                relationship("expired", GdapSeed.USER_ADMINISTRATOR)));

    assertThat(roles.allows(C, GdapRoles.Read.SUBSCRIBED_SKUS)).isTrue();
    assertThat(roles.allows(C, GdapRoles.Read.USERS)).isFalse();
    assertThatThrownBy(() -> roles.require(C, GdapRoles.Read.DIRECTORY_ROLES))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.data())
                  .containsExactly(
                      "Directory Readers",
                      "Global Reader",
                      "User Administrator",
                      "Privileged Role Administrator",
                      "Directory Writers");
            });
  }
}

package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo partner's GDAP relationships in Microsoft Graph's JSON shape (spec 16), one case per
 * named customer, dated from the emulator's start so that active ones stay active: Tailspin
 * (active, Directory Readers given to a security group, and an expired older one), Northwind
 * (active, with roles GCC does not accept, one of them a role pcsh has no name for), Litware
 * (expired), Contoso Health (approvalPending), Fabrikam (active with License Administrator and
 * Global Reader, assigned to no group), Contoso Ltd and the others (none). The same seed decides
 * which of the customer's directory data Partner Center's routes show ({@link GdapRoles}).
 */
final class GdapSeed {

  static final String DIRECTORY_READERS = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
  static final String DIRECTORY_WRITERS = "9360feb5-f418-4baa-8175-e2a00bac4301";
  static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
  static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
  static final String HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  static final String SERVICE_SUPPORT_ADMINISTRATOR = "f023fd81-a637-4b56-95fd-791ac0226033";
  static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
  static final String DOMAIN_NAME_ADMINISTRATOR = "8329153b-31d0-4727-b945-745eb3bc5f31";
  static final String HYBRID_IDENTITY_ADMINISTRATOR = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";

  /** Teams Administrator: a built-in role pcsh's table does not name, so it shows as an id. */
  static final String UNNAMED_ROLE = "69091246-20e8-4a56-aa4d-066075b2a7a8";

  /** One relationship and its access assignments. */
  record Entry(ObjectNode relationship, List<ObjectNode> assignments) {
    String id() {
      return relationship.path("id").asText();
    }

    String tenantId() {
      return relationship.path("customer").path("tenantId").asText();
    }
  }

  private GdapSeed() {}

  static List<Entry> relationships(Instant now) {
    Instant t = now.truncatedTo(ChronoUnit.SECONDS);
    List<Entry> all = new ArrayList<>();
    all.add(
        entry(
            "Tailspin County - directory and licences",
            SeedCustomers.TAILSPIN_ID,
            "Tailspin County Government",
            "active",
            t.minus(days(200)),
            t.plus(days(530)),
            "P180D",
            List.of(DIRECTORY_READERS, LICENSE_ADMINISTRATOR, GLOBAL_READER),
            List.of(
                assignment(
                    "pcsh-demo GDAP directory readers",
                    List.of(DIRECTORY_READERS, GLOBAL_READER)))));
    all.add(
        entry(
            "Tailspin County - 2023",
            SeedCustomers.TAILSPIN_ID,
            "Tailspin County Government",
            "expired",
            t.minus(days(1000)),
            t.minus(days(270)),
            "PT0S",
            List.of(DIRECTORY_WRITERS),
            List.of()));
    all.add(
        entry(
            "Northwind Traders - helpdesk",
            SeedCustomers.NORTHWIND_ID,
            "Northwind Traders",
            "active",
            t.minus(days(90)),
            t.plus(days(640)),
            "P180D",
            List.of(
                HELPDESK_ADMINISTRATOR, SERVICE_SUPPORT_ADMINISTRATOR, GLOBAL_READER, UNNAMED_ROLE),
            List.of(
                assignment(
                    "pcsh-demo GDAP helpdesk", List.of(HELPDESK_ADMINISTRATOR, GLOBAL_READER)))));
    all.add(
        entry(
            "Litware County Library - 2024",
            SeedCustomers.LITWARE_ID,
            "Litware County Library",
            "expired",
            t.minus(days(760)),
            t.minus(days(30)),
            "PT0S",
            List.of(DIRECTORY_READERS, USER_ADMINISTRATOR),
            List.of()));
    all.add(
        entry(
            "Contoso Health - onboarding",
            SeedCustomers.CONTOSO_HEALTH_ID,
            "Contoso Health",
            "approvalPending",
            t.minus(days(2)),
            null,
            "PT0S",
            List.of(USER_ADMINISTRATOR),
            List.of()));
    all.add(
        entry(
            "Fabrikam School District - licences",
            SeedCustomers.FABRIKAM_ID,
            "Fabrikam School District",
            "active",
            t.minus(days(30)),
            t.plus(days(700)),
            "P180D",
            List.of(LICENSE_ADMINISTRATOR, GLOBAL_READER),
            List.of()));
    return List.copyOf(all);
  }

  private static Duration days(long n) {
    return Duration.ofDays(n);
  }

  private static Entry entry(
      String name,
      String tenantId,
      String customerName,
      String status,
      Instant created,
      Instant end,
      String autoExtend,
      List<String> roles,
      List<ObjectNode> assignments) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("@odata.type", "#microsoft.graph.delegatedAdminRelationship");
    r.put("@odata.etag", "W/\"" + uuid("etag-" + name) + "\"");
    // Graph's ids are a relationship GUID joined to the customer's tenant id
    r.put("id", uuid("relationship-" + name) + "-" + tenantId);
    r.put("displayName", name);
    r.put("duration", "P730D");
    r.putObject("customer").put("tenantId", tenantId).put("displayName", customerName);
    r.set("accessDetails", roles(roles));
    r.put("status", status);
    r.put("autoExtendDuration", autoExtend);
    r.put("createdDateTime", created.toString());
    r.put("lastModifiedDateTime", created.plus(days(1)).toString());
    if (status.equals("approvalPending")) {
      r.putNull("activatedDateTime");
    } else {
      r.put("activatedDateTime", created.plus(days(1)).toString());
    }
    if (end == null) {
      r.putNull("endDateTime");
    } else {
      r.put("endDateTime", end.toString());
    }
    return new Entry(r, assignments);
  }

  private static ObjectNode assignment(String group, List<String> roles) {
    ObjectNode a = Json.MAPPER.createObjectNode();
    a.put("@odata.type", "#microsoft.graph.delegatedAdminAccessAssignment");
    a.put("id", uuid("assignment-" + group));
    a.put("status", "active");
    ObjectNode container = a.putObject("accessContainer");
    container.put("accessContainerId", uuid("group-" + group));
    container.put("accessContainerType", "securityGroup");
    a.set("accessDetails", roles(roles));
    return a;
  }

  private static ObjectNode roles(List<String> ids) {
    ObjectNode details = Json.MAPPER.createObjectNode();
    ArrayNode unified = details.putArray("unifiedRoles");
    ids.forEach(id -> unified.addObject().put("roleDefinitionId", id));
    return details;
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(("pcsh-emulator-gdap-" + seed).getBytes(UTF_8)).toString();
  }
}

package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code api} against the embedded emulator, offline: an unknown path is a 404 in the documented
 * ApiFault shape (code 1000), an unsupported method on a known path a 405 with {@code Allow}, and
 * the emulator's customers page through {@code links.next}.
 */
class ApiEmulatorTest {

  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    pcsh = InProcessPcsh.embedded();
  }

  @Test
  void anUnknownPathIsA404ApiFault() throws Exception {
    InProcessPcsh.Run r = pcsh.run("api", "/v1/customers/all/nothing-here");

    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out())
        .contains("\"code\" : 1000")
        .contains("\"description\" : \"Resource not found: /v1/customers/all/nothing-here\"");
    assertThat(r.err())
        .contains("failed with HTTP 404 Not Found")
        .contains("Partner Center error 1000: Resource not found")
        .contains("MS-RequestId:");
  }

  @Test
  void anUnsupportedMethodOnAKnownPathIsA405WithAllow() throws Exception {
    InProcessPcsh.Run r = pcsh.run("api", "DELETE", "/v1/customers/all/validations", "-i", "--yes");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.out())
        .startsWith("HTTP/1.1 405 Method Not Allowed\n")
        .contains("\nallow: GET\n")
        .contains("\"code\" : 800002");
    assertThat(r.err()).contains("failed with HTTP 405 Method Not Allowed");
  }

  @Test
  void theEmulatorsCustomersPageThroughLinksNext() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run("api", "--paginate", "/v1/customers", "-f", "size=500", "-o", "csv");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(1201).first().asString().startsWith("id,");
    assertThat(r.out()).contains("6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41,");
  }

  @Test
  void aCustomersUsersPageThroughWithTheirContinuationTokens() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "--paginate",
            "/v1/customers/{customer}/users",
            "--customer",
            "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11",
            "-o",
            "csv");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines().skip(1).distinct()).hasSize(1240);
  }

  @Test
  void graphsGdapReadsAnswerOnTheSamePort() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "--graph",
            "GET",
            "/v1.0/tenantRelationships/delegatedAdminRelationships",
            "-f",
            "$filter=status eq 'active'",
            "--query",
            "[].customer.displayName");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Tailspin County Government");
    assertThat(r.out()).doesNotContain("Litware County Library");
  }
}

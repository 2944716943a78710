package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pcsh.access.AccessCheck;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RetryPolicy;
import pcsh.auth.Authenticator;
import pcsh.customers.RecentCustomers;
import pcsh.diagnostics.Doctor;
import pcsh.graph.GraphClient;
import pcsh.session.Principal;
import pcsh.session.Redactor;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles;
import pcsh.shell.ErrorReport;
import pcsh.shell.OutputPreference;
import pcsh.shell.SecretFilteringHistory;
import pcsh.support.LastFailure;

/**
 * Neither token leaks: a canary Partner Center token and a canary Graph token, both echoed back by
 * the services, through doctor, customer access (refused by Graph), a GCC dry run with its GDAP
 * check, last-error, the support bundle, the transcript and the history, with debug on; then every
 * output and every file under {@code $PCSH_HOME} is searched for them.
 */
class AccessSecretsTest extends SupportFixture {

  static final String GRAPH_CANARY = "canary-graph-3d9f7b1e5a2c4e6d8f0a";

  @Test
  void neitherTokenReachesOutputHistoryTranscriptBundleOrFile() throws Exception {
    Settings real =
        Settings.from(
            Map.of(
                    Settings.HOME, home.toString(),
                    Settings.HISTORY_DIR, home.resolve("history").toString(),
                    Settings.BASE_URL, wm.baseUrl(),
                    Settings.GRAPH_BASE_URL, wm.baseUrl())
                ::get);
    Map<String, String> env =
        Map.of(Authenticator.TOKEN_ENV, CANARY_TOKEN, Authenticator.GRAPH_TOKEN_ENV, GRAPH_CANARY);
    Authenticator auth =
        new Authenticator(
            real, env::get, new Principal(Principal.AuthKind.EMULATOR_DEMO, "d", "d", "d"));
    session.update(s -> s.signedIn(auth.restore().orElseThrow()));
    PartnerCenterClient pc =
        new PartnerCenterClient(
            wm::baseUrl,
            auth::token,
            () -> "corr-1",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            () -> false,
            exchanges,
            RetryPolicy.none(),
            Redactor.shared());
    GraphClient graph =
        new GraphClient(
            wm::baseUrl,
            () -> auth.graphToken().value(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            exchanges,
            Redactor.shared());
    AccessCheck access = new AccessCheck(graph, auth::graphToken);
    stubServicesThatEchoTheTokens();

    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    List<String> printed = new ArrayList<>();
    try {
      transcript.start("canary session");
      new SecretFilteringHistory(home.resolve("history/pcsh_history"), transcript::command)
          .add(Instant.now(), "export PCSH_GRAPH_ACCESS_TOKEN=" + GRAPH_CANARY);
      SupportCommands support = support();
      printed.add(support.debug("on"));
      printed.add(support.showRequest("on"));
      DiagnosticsCommands diagnostics =
          new DiagnosticsCommands(
              new Doctor(
                  real,
                  SettingsFiles.provenance(null, home.resolve("shell.properties")),
                  pc,
                  writer(pc),
                  journal,
                  auth,
                  session,
                  access,
                  Clock.systemUTC()),
              access,
              session,
              real,
              new OutputPreference(),
              new RecentCustomers(),
              ui);
      printed.add(diagnostics.doctor(ID, null, null));
      printed.add(diagnostics.doctor(ID, "json", null));
      try {
        diagnostics.access(ID, null, null);
      } catch (RuntimeException e) {
        ErrorReport r = ErrorReport.of(e);
        failures.record(r, e);
        printed.add(r.text());
        new LastFailure(
                "one-shot run",
                1,
                Instant.now(),
                r.text(),
                LastFailure.exchangeOf(e, exchanges).map(x -> x.full()).orElse(null))
            .save(home, Redactor.shared());
      }
      QualificationCommands q =
          new QualificationCommands(
              pc, session, real, ui, new RecentCustomers(), new OutputPreference(), writer(pc));
      q.accessCheck(access);
      printed.add(q.gcc("448812", ID, false, true, null, null));
      printed.add(support.lastError(true));
      printed.add(support.sessionsShow(null));
      printed.add(support.bundle(null, home.resolve("bundle.txt").toString()));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    wm.verify(
        getRequestedFor(urlPathEqualTo("/v1.0/tenantRelationships/delegatedAdminRelationships"))
            .withHeader("Authorization", equalTo("Bearer " + GRAPH_CANARY)));
    Written written = Written.of(printed, home, screen, stdout, stderr);
    assertThat(written.fileNames())
        .contains("bundle.txt", "last-error.json", transcript.file().getFileName().toString());
    List<String> outputs = written.texts();
    for (String o : outputs) assertThat(o).doesNotContain(CANARY_TOKEN, GRAPH_CANARY);
    assertThat(String.join("\n", outputs))
        .contains(
            "Authorization: [REDACTED]",
            "GDAP roles not checked",
            "Authorization_RequestDenied",
            "request-id:",
            "/v1.0/tenantRelationships/delegatedAdminRelationships");
  }

  void stubServicesThatEchoTheTokens() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .willReturn(
                okJson(
                    "{\"totalCount\":0,\"items\":[],\"note\":\"you sent " + CANARY_TOKEN + "\"}")));
    wm.stubFor(get(urlPathEqualTo("/v1/customers/" + ID)).willReturn(okJson(customer())));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID + "/qualification"))
            .willReturn(okJson("\"none\"")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID + "/qualifications")).willReturn(okJson("[]")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/all/validations"))
            .willReturn(
                okJson(
                    "[{\"validationId\":\"448812\",\"organizationName\":\"x\",\"maxCreates\":5,"
                        + "\"remainingCreates\":5}]")));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/tenantRelationships/delegatedAdminRelationships"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("request-id", "rid-canary")
                    .withBody(
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"token "
                            + GRAPH_CANARY
                            + " lacks DelegatedAdminRelationship.Read.All\","
                            + "\"innerError\":{\"request-id\":\"rid-canary\"}}}")));
  }
}

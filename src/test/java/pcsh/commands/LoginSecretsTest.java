package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import pcsh.auth.Authenticator;
import pcsh.auth.EntraStub;
import pcsh.auth.SignInException;
import pcsh.shell.ErrorReport;
import pcsh.shell.SecretFilteringHistory;
import pcsh.shell.Ui;

/**
 * The secrets a sign-in handles: canary refresh token, client secret and typed bearer token never
 * reach the screen, the logs, the history or any file pcsh wrote; a token typed at the hidden
 * prompt is used and never echoed; without a terminal it is read as one line of standard input.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginSecretsTest extends LoginFixture {

  @Test
  void noCanarySecretReachesTheScreenTheLogsTheHistoryOrAnyFilePcshWrote(CapturedOutput logs)
      throws Exception {
    String canaryRt = "CANARY-RT-5d1e09";
    String canarySecret = "CANARY-SECRET-77c4b2";
    String canaryToken = "eyJhbGciOiJub25lIn0.CANARY-AT-3b9f.";
    env.put(Authenticator.REFRESH_TOKEN_ENV, canaryRt);
    env.put(Authenticator.CLIENT_SECRET_ENV, canarySecret);
    start(canaryToken + "\r");
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-SAM", "RT-SAM", 3600)));
    SecretFilteringHistory history =
        new SecretFilteringHistory(home.resolve("history").resolve("pcsh_history"));
    history.attach(
        org.jline.reader.LineReaderBuilder.builder().terminal(terminal).history(history).build());

    // the secure application model with secrets from the environment, then a bearer token typed at
    // the prompt
    String out1 = commands.login(false, true, false, false, null, null, null, null);
    history.add("login --refresh-token");
    String out2 = commands.login(false, false, false, true, null, null, null, null);
    history.add("login --token");
    String who = commands.whoami(null, null) + commands.whoami("json", null);
    history.add("whoami");
    history.save();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                EntraStub.error(
                    400,
                    "invalid_grant",
                    "AADSTS50076: You must use multi-factor authentication.",
                    "basic_action")));
    commands.logout();
    String failure = "";
    try {
      commands.login(false, true, false, false, null, null, null, null);
    } catch (SignInException e) {
      failure = ErrorReport.of(e).text();
    }

    assertThat(failure).contains("multi-factor authentication", "Next: ");
    wm.verify(
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("client_secret", equalTo(canarySecret))
            .withFormParam("refresh_token", equalTo(canaryRt)));
    List<String> canaries = List.of(canaryRt, canarySecret, "CANARY-AT-3b9f");
    String shown = screen() + out1 + out2 + who + failure + logs.getAll();
    for (String c : canaries) assertThat(shown).as("screen, results and logs").doesNotContain(c);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(f);
        for (String c : canaries) assertThat(content).as(f.toString()).doesNotContain(c);
      }
    }
    assertThat(Files.readString(home.resolve("history").resolve("pcsh_history")))
        .contains("whoami");
  }

  @Test
  void aTokenTypedAtTheHiddenPromptIsUsedForRequestsAndNeverEchoed() throws Exception {
    String token = "typed-bearer-token-123";
    start(token + "\r");

    String result = commands.login(false, false, false, true, null, null, null, null);

    assertThat(result).contains("bearer token given to login --token");
    assertThat(auth.token()).contains(token);
    // the terminal copies output to the screen on a thread of its own
    pcsh.HangGuard.await("the prompt reaches the screen")
        .untilAsserted(() -> assertThat(screen()).contains("Access token (input hidden): "));
    assertThat(screen()).doesNotContain(token);
  }

  @Test
  void withoutATerminalATokenIsReadAsOneLineOfStandardInputLeavingTheRest() throws Exception {
    ByteArrayInputStream stdin =
        new ByteArrayInputStream("token-from-a-pipe\r\nwhoami\n".getBytes(StandardCharsets.UTF_8));

    assertThat(Ui.oneLine(stdin)).contains("token-from-a-pipe");
    assertThat(new String(stdin.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("whoami\n");
    assertThat(Ui.oneLine(new ByteArrayInputStream(new byte[0]))).isEmpty();
  }
}

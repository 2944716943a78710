package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pcsh.api.ExchangeLog;

/**
 * The customer's picture in one-shot runs on the embedded emulator: exit codes, help, stderr for
 * errors and stdout for data, and subscription ids on Tab in bash once a listing has shown them.
 */
class CustomerPictureOneShotTest {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String TAILSPIN = "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13";
  static final String LITWARE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

  static InProcessPcsh pcsh;
  static final AtomicInteger sent = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    pcsh = InProcessPcsh.embedded();
    pcsh.bean(ExchangeLog.class).listen(e -> sent.incrementAndGet());
  }

  @Test
  void noAccountStatusExitsZeroAndABlockingOneToo() throws Exception {
    InProcessPcsh.Run none = pcsh.run("account", "status", "--customer", TAILSPIN);
    InProcessPcsh.Run review = pcsh.run("account", "status", "--customer", LITWARE);

    assertThat(none.exit()).as(none.toString()).isZero();
    assertThat(none.out()).contains("No account status").contains("not blocked");
    assertThat(none.err()).isEmpty();
    assertThat(review.exit()).as(review.toString()).isZero();
    assertThat(review.out()).contains("UnderReview").contains("blocked");
  }

  @Test
  void theTwoIdsTogetherAndAnUnknownStatusAreUsageErrorsAndSendNothing() throws Exception {
    int before = sent.get();
    InProcessPcsh.Run both =
        pcsh.run(
            "subscriptions", "list", "--customer", NORTHWIND, "--order", "a1", "--mpn-id", "123");
    InProcessPcsh.Run status =
        pcsh.run("subscriptions", "list", "--customer", NORTHWIND, "--status", "frozen");

    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).startsWith("Error: --order and --mpn-id cannot be combined");
    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err())
        .contains("--status 'frozen' is not one of none, active, pending, suspended, expired")
        .contains("Next: ");
    assertThat(sent.get()).isEqualTo(before);
  }

  @Test
  void everyNewCommandHasHelpWithExamplesAndServiceRequestsSayCreatingWasRetired()
      throws Exception {
    for (String command :
        List.of(
            "customer profile",
            "relationships list",
            "subscriptions list",
            "subscription show",
            "licenses list",
            "users list",
            "user show",
            "account status",
            "service-requests list",
            "service-request show",
            "customer overview")) {
      String[] words = (command + " --help").split(" ");
      InProcessPcsh.Run r = pcsh.run(words);
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).as(command).contains("EXAMPLES\n  " + command);
    }
    InProcessPcsh.Run sr = pcsh.run("service-request", "show", "--help");
    assertThat(sr.out()).contains("retired on 31 August 2020").contains("Partner Center portal");
  }

  @Test
  void subscriptionIdsCompleteOnTabOnceAListingShowedThem() throws Exception {
    InProcessPcsh.Run list =
        pcsh.run("subscriptions", "list", "--customer", NORTHWIND, "--output", "csv");
    assertThat(list.exit()).as(list.toString()).isZero();
    String first = list.out().lines().skip(1).findFirst().orElseThrow().split(",", 2)[0];
    Path file = pcsh.home().resolve("completion/subscriptions.tsv");
    assertThat(Files.readAllLines(file)).anyMatch(l -> l.startsWith(first + "\t"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    InProcessPcsh.Run script = pcsh.run("completion", "bash");
    Path bash = Files.writeString(pcsh.home().resolve("picture.bash"), script.out());
    String prefix = first.substring(0, 6);
    String out =
        run(
            "source "
                + bash
                + "\nCOMP_WORDS=(pcsh subscription show "
                + prefix
                + "); COMP_CWORD=3; _pcsh; printf '%s|' \"${COMPREPLY[@]}\"");

    assertThat(out.split("\\|")).contains(first);
  }

  private static String run(String script) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script).redirectErrorStream(true);
    pb.environment().put("PCSH_HOME", pcsh.home().toString());
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(HangGuard.LIMIT.toSeconds(), TimeUnit.SECONDS))
        .as("bash ended (a hang guard of " + HangGuard.LIMIT + ", not a timing)")
        .isTrue();
    return out.strip();
  }
}

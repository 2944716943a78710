package pcsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.test.ShellAssertions;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.ShellTestClient.InteractiveShellSession;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The interactive shell on an emulated terminal, against the embedded emulator. */
@ShellTest(
    includeFilters =
        @ComponentScan.Filter(
            type = FilterType.ANNOTATION,
            classes = {Command.class, Component.class, Configuration.class}),
    terminalWidth = 120)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class InteractiveShellTest {

  static final Path HOME = tempDir();

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("pcsh.home", HOME::toString);
    r.add("pcsh.history.dir", () -> HOME.resolve("history").toString());
    r.add("pcsh.base-url", () -> "embedded");
    r.add("pcsh.emulator.vetting-delay", () -> "500ms");
  }

  @Autowired ShellTestClient client;
  @Autowired ShellContext shellContext;

  private InteractiveShellSession session;

  @BeforeEach
  void start() throws Exception {
    pcsh.emulator.Emulator.reset(HOME.resolve("emulator"));
    shellContext.setInteractionMode(InteractionMode.INTERACTIVE);
    session = client.interactive().run();
    screenShows("pcsh[emulator]> ");
  }

  @Test
  void selectingACustomerShowsItInThePrompt() {
    type("use customer northwind");

    screenShows("Using customer Northwind Traders (6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41");
    screenShows("pcsh[emulator]:Northwind Traders> ");
  }

  @Test
  void theSelectedCustomerIsUsedByLaterCommands() {
    type("use customer adatum");
    screenShows("pcsh[emulator]:Adatum University> ");

    type("qualification show");

    screenShows("InReview");
  }

  @Test
  void tabCompletesACommand() {
    session.write(session.writeSequence().text("validation-c").ctrl('i').build());

    screenShows("validation-codes list");
  }

  @Test
  void tabCompletesTheCommandNamedAfterHelpAndHelpShowsIt() {
    session.write(session.writeSequence().text("help qualify g").ctrl('i').build());
    screenShows("help qualify gcc");
    session.write(session.writeSequence().carriageReturn().build());

    screenShows("--code VALIDATION-ID  a validationId from `validation-codes list`");
  }

  @Test
  void quotedValuesAndOptionMistakesAreReadAsTyped() {
    type("customers list --name \"O'Brien\" --output json");
    screenShows("[ ]");
    type("customers list --size 0x10");
    screenShows("--size '0x10' is not a whole number from 1 to 500.");
    type("customers list --name \"\"");
    screenShows("--name needs a value.");
  }

  @Test
  void aFailureIsReportedAndTheShellGoesOn() {
    type("customer show");
    screenShows("No customer selected, and no --customer given.");
    screenShows("Next: run `use customer <id | domain | name>` first");

    type("use customer contoso ltd");

    screenShows("pcsh[emulator]:Contoso Ltd> ");
  }

  @Test
  void tabCompletesAnOption() {
    session.write(session.writeSequence().text("customers list --si").ctrl('i').build());

    screenShows("customers list --size");
  }

  @Test
  void aWriteAsksFirstAndYesSendsIt() {
    type("use customer litware");
    screenShows("pcsh[emulator]:Litware County Library> ");

    type("qualify soe");
    screenShows("Body:       {\"qualification\":\"StateOwnedEntity\"}");
    screenShows("Set StateOwnedEntity on Litware County Library? [y/N]");
    type("y");

    screenShows("Done: Litware County Library is now StateOwnedEntity.");
  }

  @Test
  void anythingButYesCancelsTheWrite() {
    type("use customer litware");
    type("qualify education");
    screenShows("Set Education on Litware County Library? [y/N]");
    type("n");
    screenShows("Cancelled; nothing was sent.");

    type("qualification show");

    screenShows("Qualification:  None");
  }

  @Test
  void anUnknownCustomerLeavesTheSelectionUnchanged() {
    type("use customer northwind");
    screenShows("pcsh[emulator]:Northwind Traders> ");

    type("use customer zzz-no-such-company");

    screenShows(
        "No customer has the id, domain or a company name starting with 'zzz-no-such-company'.");
    screenShows("The selection is unchanged.");
    type("whoami");
    screenShows("Customer:        Northwind Traders (6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41)");
  }

  @Test
  void anAmbiguousNameListsTheCandidatesAndSelectsNothing() {
    type("use customer contoso");

    screenShows("'contoso' matches 2 customers, so none was selected");
    screenShows("Contoso Health");
    type("whoami");
    screenShows("none selected");
  }

  @Test
  void whoamiShowsTheSessionIdAndDebugPrintsRedactedExchanges() {
    type("whoami");
    screenShows("Session:         ");

    type("debug on");
    screenShows("Debug output is on.");
    type("customers list --size 1 --name northwind");

    screenShows("Authorization: [REDACTED]");
    screenShows("MS-RequestId: ");
  }

  @Test
  void tabCompletesAPartialCustomerName() throws InterruptedException {
    type("use customer litware");
    screenShows("pcsh[emulator]:Litware County Library> ");

    tabCompletes("use customer Northw", "use customer Northwind Traders");
  }

  @Test
  void tabAfterCodeListsTheValidationCodesWithTheirDescriptions() {
    type("use customer northwind");
    screenShows("pcsh[emulator]:Northwind Traders> ");
    type("validation-codes list");
    screenShows("exhausted");

    session.write(session.writeSequence().text("qualify gcc --code ").ctrl('i').build());

    screenShows("448812");
    screenShows("Fabrikam County Government, 7/10 creates left");
    screenShows("Litware City Council, 0/5 creates left (exhausted)");
  }

  @Test
  void thePromptShowsTheQualificationOnceKnownAndDashGoesBack() {
    type("use customer adatum");
    type("qualification show");
    screenShows("pcsh[emulator]:Adatum University (Education)> ");
    type("use customer woodgrove");
    screenShows("pcsh[emulator]:Woodgrove State Energy> ");

    type("use customer -");

    screenShows("Using customer Adatum University");
    screenShows("pcsh[emulator]:Adatum University> ");
  }

  @Test
  void watchFollowsVettingUntilApproved() {
    type("use customer litware");
    type("qualify education --segment K12 --website litwarelibrary.example --yes");
    screenShows("is now Education (InReview)");

    type("qualification watch --interval 100ms --timeout 30s");

    screenShows("Education vetting is Approved");
    screenShows("pcsh[emulator]:Litware County Library (Education Approved)> ");
  }

  @Test
  void watchReportsADenialWithItsReason() {
    type("use customer contoso ltd");
    type("qualify education --segment HigherEducation --website contoso.example --yes");
    screenShows("is now Education (InReview)");

    type("qualification watch --interval 100ms");

    screenShows("Education vetting was Denied: Not an Academic Domain.");
  }

  @Test
  void tabCompletesAnApiPathWithTheSelectedCustomerFilledIn() {
    type("use customer northwind");
    screenShows("pcsh[emulator]:Northwind Traders> ");

    session.write(session.writeSequence().text("api /v1/customers/6").ctrl('i').build());

    screenShows("api /v1/customers/6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41");
  }

  @Test
  void anApiWriteShowsTheRequestAndAsksFirst() {
    type("api PATCH /v1/servicerequests/616122 -f status=closed");
    screenShows("/v1/servicerequests/616122");
    screenShows("Body:     {\"status\":\"closed\"}");
    screenShows("Send this PATCH? [y/N]");
    type("n");

    screenShows("Cancelled; nothing was sent.");
  }

  private void type(String line) {
    session.write(session.writeSequence().text(line).carriageReturn().build());
  }

  /**
   * A Tab that completes from the customers the shell loads in the background once it starts: on a
   * busy machine the first Tabs may come before them, so the line is typed again until it
   * completes.
   */
  private void tabCompletes(String typed, String completed) throws InterruptedException {
    java.time.Instant giveUp = java.time.Instant.now().plus(pcsh.HangGuard.LIMIT);
    do {
      session.write(session.writeSequence().ctrl('u').text(typed).ctrl('i').build());
      java.time.Instant next = java.time.Instant.now().plusSeconds(3);
      while (java.time.Instant.now().isBefore(next)) {
        if (session.screen().lines().stream().anyMatch(l -> l.contains(completed))) return;
        Thread.sleep(50);
      }
    } while (java.time.Instant.now().isBefore(giveUp));
    screenShows(completed);
  }

  private void screenShows(String text) {
    pcsh.HangGuard.await("the screen shows '" + text + "'")
        .untilAsserted(() -> ShellAssertions.assertThat(session.screen()).containsText(text));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("pcsh-shell-test");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

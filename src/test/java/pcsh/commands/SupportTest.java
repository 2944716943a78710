package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;
import pcsh.qualification.WriteJournal;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The support commands in process: debug and --show-request take on or off, the emulator's faults
 * are set from the setting and the command, and a journalled write left without an outcome is
 * settled by reading back. {@link RequestRetryTest} and {@link SupportSecretsTest} cover the rest
 * of the troubleshooting features.
 */
class SupportTest extends SupportFixture {

  @Test
  void debugAndShowRequestTakeOnOrOff() {
    SupportCommands s = support();
    assertThat(s.debug(null)).isEqualTo("Debug output is off.");
    assertThat(s.debug("on")).isEqualTo("Debug output is on.");
    assertThat(s.showRequest("off")).contains("is off");
    assertThatThrownBy(() -> s.debug("maybe"))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThat(s.lastError(false)).startsWith("No failure in this session, and none kept");
  }

  @Test
  void emulatorFaultsAreSetFromTheSettingAndTheCommand() throws Exception {
    Settings withFaults =
        Settings.from(
            Map.of(
                    Settings.HOME,
                    home.toString(),
                    Settings.EMULATOR_FAULTS,
                    "seed=7,throttle=0.5,retry-after=0")
                ::get);
    try (EmbeddedEmulator embedded = new EmbeddedEmulator(withFaults)) {
      EmulatorCommands emulator = new EmulatorCommands(withFaults, ui, embedded);
      assertThat(emulator.faults(null)).contains("seed=7", "throttle=0.5");
      assertThat(emulator.faults("seed=9,5xx=0.25")).contains("seed=9", "5xx=0.25");
      embedded.baseUrl();
      assertThat(embedded.faults().serverErrorRate()).isEqualTo(0.25);
      assertThat(emulator.faults("none")).isEqualTo("Emulator faults: none.");
    }
  }

  @Test
  void aJournalledWriteWithoutOutcomeIsSettledByReadingBack() throws Exception {
    Emulator emulator = Emulator.start(EmulatorConfig.inMemory());
    try {
      PartnerCenterClient c =
          new PartnerCenterClient(
              () -> emulator.baseUrl().toString(),
              () -> Optional.of("t"),
              () -> "corr",
              Duration.ofSeconds(2),
              Duration.ofSeconds(5));
      String northwind = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
      // pcsh "crashed" after writing the intent and sending the write, before recording the outcome
      journal.intent(
          "11111111-2222-4333-8444-555555555555", northwind, "StateOwnedEntity (V2 POST)", "None");
      c.createQualification(northwind, pcsh.api.QualificationRequest.stateOwnedEntity());
      journal.intent(
          "66666666-2222-4333-8444-555555555555", northwind, "Education (legacy PUT)", "None");

      List<String> settled = writer(c).reconcile();

      assertThat(settled).hasSize(2);
      assertThat(journal.entries())
          .extracting(WriteJournal.Entry::result)
          .containsExactly("RECONCILED_APPLIED", "RECONCILED_NOT_APPLIED");
      assertThat(journal.pending()).isEmpty();
      assertThat(support().journal("20"))
          .contains("RECONCILED_APPLIED", "11111111-2222-4333-8444-555555555555");
    } finally {
      emulator.close();
    }
  }
}

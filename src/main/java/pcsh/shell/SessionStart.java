package pcsh.shell;

import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.raw.ApiRequests;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.support.Transcript;

/**
 * What an interactive session does first: start its transcript and print its id, and settle any
 * journalled write left without an outcome by reading it back (a qualification write, the
 * customer's qualification; an {@code api} write, its resource where pcsh knows one).
 */
class SessionStart {

  private final Transcript transcript;
  private final Settings settings;
  private final SessionHolder session;
  private final WriteJournal journal;
  private final Ui ui;
  private final QualificationWriter writer;
  private final ApiRequests api;

  SessionStart(
      Transcript transcript,
      Settings settings,
      SessionHolder session,
      WriteJournal journal,
      Ui ui,
      QualificationWriter writer,
      ApiRequests api) {
    this.transcript = transcript;
    this.settings = settings;
    this.session = session;
    this.journal = journal;
    this.ui = ui;
    this.writer = writer;
    this.api = api;
  }

  void interactive() {
    transcript.start(
        "base URL "
            + (settings.embedded() ? "embedded" : settings.apiBaseUrl())
            + ", MS-CorrelationId "
            + session.get().correlationId());
    ui.print(
        "pcsh session "
            + transcript.id()
            + ": `sessions show` prints its transcript, `help` lists the commands.\n");
    reconcile();
  }

  /**
   * Settles pending journal entries when pcsh can read; otherwise says they wait for the next
   * chance.
   */
  void reconcile() {
    int pending;
    try {
      pending = journal.pending().size();
    } catch (RuntimeException e) {
      return;
    }
    if (pending == 0) return;
    if (session.get().principal().isEmpty()) {
      ui.print(
          "The write journal has "
              + pending
              + " write(s) without an outcome; they are settled by reading"
              + " back once you are signed in (`journal`).\n");
      return;
    }
    try {
      writer.reconcile().forEach(l -> ui.print(l + "\n"));
      if (api.unsettled()) api.settle().forEach(l -> ui.print(l + "\n"));
    } catch (RuntimeException e) {
      ui.print(
          "The write journal has "
              + pending
              + " write(s) without an outcome; reading back failed, see"
              + " `journal` later.\n");
    }
  }
}

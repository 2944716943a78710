package pcsh.shell;

import java.time.Duration;
import java.util.Optional;
import pcsh.auth.Interaction;
import pcsh.auth.SignInException;

/** A sign-in's conversation with the terminal: the code to enter, a countdown, hidden prompts. */
public final class TerminalInteraction implements Interaction {

  private final Ui ui;
  private boolean counting;
  private long lastMinute = -1;

  public TerminalInteraction(Ui ui) {
    this.ui = ui;
  }

  @Override
  public synchronized void show(String line) {
    end();
    ui.print(line + "\n");
  }

  @Override
  public synchronized void countdown(Duration remaining) {
    long s = remaining.toSeconds();
    String text =
        String.format("Waiting for you to sign in: %d:%02d left (Ctrl-C cancels)", s / 60, s % 60);
    if (ui.noTerminal()) {
      // no line to rewrite: one line a minute
      if (s / 60 == lastMinute) return;
      lastMinute = s / 60;
      ui.status(text);
      return;
    }
    counting = true;
    ui.status(text);
  }

  @Override
  public Optional<String> secret(String prompt) {
    end();
    try {
      return ui.secret(prompt);
    } catch (Ui.Cancelled e) {
      throw new SignInException(
          SignInException.Reason.CANCELLED, "Sign-in cancelled; nothing changed.", null);
    }
  }

  /** Ends the countdown line, so what follows starts on a line of its own. */
  public synchronized void end() {
    if (counting) ui.print("\n");
    counting = false;
  }
}

package pcsh.auth;

import java.time.Duration;
import java.util.Optional;

/** What a sign-in needs from the person at the terminal; the shell implements it. */
public interface Interaction {

  /** Prints a line for the user (never a secret). */
  void show(String line);

  /**
   * Shows how long the user has left to finish signing in; called about once a second while
   * waiting.
   */
  void countdown(Duration remaining);

  /**
   * Asks for a secret without echoing it and without recording it in the history. Empty when nobody
   * can answer (no terminal) or the user entered nothing.
   */
  Optional<String> secret(String prompt);
}

package pcsh.shell;

import java.util.List;
import org.springframework.shell.Input;

/**
 * Words that reach pcsh already split, each exactly as given: a one-shot command's arguments (as
 * the user's shell passed them) or a script line. Nothing is joined and parsed again.
 */
record VerbatimInput(List<String> words) implements Input {

  VerbatimInput {
    words = List.copyOf(words);
  }

  @Override
  public String rawText() {
    return String.join(" ", words);
  }
}

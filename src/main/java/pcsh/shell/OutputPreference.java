package pcsh.shell;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pcsh.output.OutputFormat;

/**
 * The session's default output format ({@code output json}); until set, {@code pcsh.output}
 * applies.
 */
@Component
public class OutputPreference {

  private volatile OutputFormat format;

  public Optional<OutputFormat> get() {
    return Optional.ofNullable(format);
  }

  public void set(OutputFormat f) {
    format = f;
  }
}

package pcsh.shell;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pcsh.output.OutputFormat;

/** The session's default output format ({@code output json}); until set, {@code pcsh.output} applies. */
@Component
class OutputPreference {

  private volatile OutputFormat format;

  Optional<OutputFormat> get() {
    return Optional.ofNullable(format);
  }

  void set(OutputFormat f) {
    format = f;
  }
}

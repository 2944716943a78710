package pcsh.shell;

import org.springframework.core.env.Environment;
import org.springframework.shell.Availability;
import org.springframework.shell.AvailabilityProvider;
import org.springframework.stereotype.Component;

/**
 * Write commands are unavailable in read-only mode ({@code --read-only} or {@code
 * pcsh.read-only=true}).
 */
@Component("writeAvailability")
class WriteAvailability implements AvailabilityProvider {

  static final String READ_ONLY = "pcsh.read-only";

  private final boolean readOnly;

  WriteAvailability(Environment env) {
    this.readOnly = env.getProperty(READ_ONLY, Boolean.class, false);
  }

  @Override
  public Availability get() {
    return readOnly
        ? Availability.unavailable(
            "pcsh is read-only (--read-only or pcsh.read-only=true), so nothing can be changed")
        : Availability.available();
  }
}

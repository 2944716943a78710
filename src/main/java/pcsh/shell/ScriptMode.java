package pcsh.shell;

import org.springframework.stereotype.Component;

/** Whether commands are coming from a script (--file or piped stdin) rather than a person. */
@Component
public class ScriptMode {

  private volatile boolean active;

  public boolean active() {
    return active;
  }

  void start() {
    active = true;
  }
}

package pcsh.output;

/**
 * One status line for a long operation (a bulk run, a watch, a long listing): rewritten in place on
 * a terminal, nothing when output is piped. Features report progress through it without knowing
 * about terminals.
 */
public interface Progress {

  Progress NONE =
      new Progress() {
        @Override
        public void progress(String line) {}

        @Override
        public void progressDone() {}
      };

  void progress(String line);

  /** Clears the status line, if one is shown. */
  void progressDone();
}

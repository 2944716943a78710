package pcsh.api;

/** A call needs credentials and there are none; nothing was sent. */
public final class NotSignedInException extends RuntimeException {
  public NotSignedInException() {
    super("Not signed in.");
  }
}

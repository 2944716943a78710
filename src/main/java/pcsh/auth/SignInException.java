package pcsh.auth;

/** Signing in cannot work as things stand; the message says what the user must do. */
public final class SignInException extends RuntimeException {
  public SignInException(String message) {
    super(message);
  }
}

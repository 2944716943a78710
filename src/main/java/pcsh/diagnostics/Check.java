package pcsh.diagnostics;

/**
 * One line of {@code doctor}'s checklist: how it stands, what was checked, what was found, and the
 * next step when it is not OK. Holds no secret: token claims are summarised, never the token.
 *
 * @param next null when there is nothing to do
 */
public record Check(Status status, String name, String found, String next) {

  public enum Status {
    OK,
    WARN,
    FAIL
  }

  static Check ok(String name, String found) {
    return new Check(Status.OK, name, found, null);
  }

  static Check warn(String name, String found, String next) {
    return new Check(Status.WARN, name, found, next);
  }

  static Check fail(String name, String found, String next) {
    return new Check(Status.FAIL, name, found, next);
  }
}

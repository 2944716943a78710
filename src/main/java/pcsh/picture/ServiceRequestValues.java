package pcsh.picture;

import java.util.List;
import java.util.Locale;
import pcsh.api.Resource;

/**
 * A service request's severity and status, which arrive as strings (the detail) or as integers (the
 * list, spec 22). Integers are read as the SDKs' enums number them, in declaration order: severity
 * unknown, critical, moderate, minimal; status none, open, closed, attention_needed (the numbering
 * is inferred from the SDKs, no source lists it). Any other value is kept as received.
 */
public final class ServiceRequestValues {

  public static final List<String> SEVERITIES =
      List.of("unknown", "critical", "moderate", "minimal");
  public static final List<String> STATUSES = List.of("none", "open", "closed", "attention_needed");

  private ServiceRequestValues() {}

  public static String severity(Resource r) {
    return named(r.text("severity"), SEVERITIES);
  }

  public static String status(Resource r) {
    return named(r.text("status"), STATUSES);
  }

  /** Whether {@code value} names {@code name}, whatever its case and separators. */
  public static boolean same(String value, String name) {
    return value != null && squash(value).equals(squash(name));
  }

  /** The documented name of {@code raw} (digits as the enum's number), else {@code raw} itself. */
  static String named(String raw, List<String> names) {
    if (raw == null) return null;
    String v = raw.strip();
    if (v.matches("[0-9]{1,9}")) {
      int i = Integer.parseInt(v);
      return i < names.size() ? names.get(i) : v;
    }
    for (String n : names) if (same(v, n)) return n;
    return v;
  }

  private static String squash(String s) {
    return s.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
  }
}

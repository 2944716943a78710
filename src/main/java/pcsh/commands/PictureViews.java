package pcsh.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pcsh.api.Resource;
import pcsh.output.Text;

/** What the customer's picture commands share when they print a resource as text. */
final class PictureViews {

  private PictureViews() {}

  /** "Label: value" on one line; nothing for a blank value. */
  static void field(StringBuilder b, String label, String value) {
    if (value == null || value.isBlank()) return;
    b.append(String.format("%-18s%s%n", label + ":", Text.oneLine(value)));
  }

  /** What the service left out for want of a GDAP role: never shown blank. */
  static String hidden(List<String> roles) {
    return "hidden (needs one of: " + String.join(", ", roles) + ")";
  }

  /**
   * An address's parts that are there, joined: line 1, line 2, city, region, postal code, country.
   */
  static String address(Resource r) {
    List<String> parts = new ArrayList<>();
    for (String f :
        List.of(
            "addressLine1",
            "addressLine2",
            "addressLine3",
            "city",
            "state",
            "region",
            "postalCode",
            "country")) {
      String v = r.text(f);
      if (v != null && !v.isBlank()) parts.add(v.strip());
    }
    return String.join(", ", parts);
  }

  static String yesNo(Optional<Boolean> b) {
    return b.map(v -> v ? "yes" : "no").orElse(null);
  }

  /** The first of the fields that has a value. */
  static String first(Resource r, String... fields) {
    for (String f : fields) {
      String v = r.text(f);
      if (v != null && !v.isBlank()) return v;
    }
    return null;
  }

  /** A date as the service sent it, with {@code 0001-01-01...} (no date) read as never. */
  static String date(String d) {
    if (d == null || d.isBlank()) return null;
    return d.startsWith("0001-01-01") ? "never" : d;
  }

  /** "First Last <email>", from the parts there are. */
  static String person(Resource r) {
    if (r.json().isMissingNode() || r.json().isNull()) return null;
    String name =
        String.join(
                " ",
                java.util.stream.Stream.of(r.text("firstName"), r.text("lastName"))
                    .filter(s -> s != null && !s.isBlank())
                    .toList())
            .strip();
    String email = r.text("email");
    String phone = r.text("phoneNumber");
    StringBuilder b = new StringBuilder(name);
    if (email != null && !email.isBlank())
      b.append(b.length() > 0 ? " " : "").append('<').append(email).append('>');
    if (phone != null && !phone.isBlank()) b.append(b.length() > 0 ? ", " : "").append(phone);
    return b.toString();
  }
}

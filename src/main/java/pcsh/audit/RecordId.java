package pcsh.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * An audit record's id, with what its documented shape {@code
 * <partnerId>_<customerId>_<operation>_<ticks>} tells (spec 14.2): the customer and, from the .NET
 * ticks, when it happened. An id of another shape is still an id; it just narrows nothing.
 */
record RecordId(String text, Optional<String> customerId, Optional<Instant> time) {

  private static final String GUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final Pattern SHAPE =
      Pattern.compile("(" + GUID + ")_(" + GUID + ")?_([A-Za-z][A-Za-z0-9_]*)_([0-9]{1,19})");

  /** .NET ticks (100 ns since 0001-01-01 UTC) at the Unix epoch. */
  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

  /** No whitespace or control character, printable ASCII, at most 300 characters. */
  private static final Pattern ALLOWED = Pattern.compile("[!-~]{1,300}");

  static RecordId parse(String text) {
    if (text == null || text.isBlank()) {
      throw Failure.usage(
          "audit show needs a record id.", "copy one from `audit list --output json` (its id).");
    }
    String id = text.strip();
    if (!ALLOWED.matcher(id).matches()) {
      throw Failure.usage(
          "'"
              + Text.shown(id)
              + "' is not an audit record id: ids are at most 300 printable characters"
              + " without blanks, e.g. <partnerId>_<customerId>_update_customer_qualification_<ticks>.",
          "copy the id from `audit list --output json`.");
    }
    Matcher m = SHAPE.matcher(id);
    if (!m.matches()) return new RecordId(id, Optional.empty(), Optional.empty());
    long ticks = Long.parseLong(m.group(4));
    Optional<Instant> time =
        ticks < EPOCH_TICKS
            ? Optional.empty()
            : Optional.of(
                Instant.ofEpochSecond(
                    (ticks - EPOCH_TICKS) / 10_000_000L,
                    ((ticks - EPOCH_TICKS) % 10_000_000L) * 100));
    return new RecordId(id, Optional.ofNullable(m.group(2)), time);
  }
}

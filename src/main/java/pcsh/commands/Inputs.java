package pcsh.commands;

import java.util.Optional;
import pcsh.api.Customer;
import pcsh.failure.Failure;
import pcsh.output.OutputFormat;
import pcsh.output.Query;
import pcsh.output.Text;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.values.Values;

/**
 * Local validation of what the user typed, before anything is sent. Every failure is a usage error
 * (exit 2).
 */
final class Inputs {

  private Inputs() {}

  static boolean isGuid(String s) {
    return Customer.isId(s);
  }

  static String customerId(String id) {
    if (!isGuid(id)) {
      throw Failure.usage(
          "'"
              + shown(id)
              + "' is not a customer id: a customer id is a tenant GUID such as"
              + " 3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11.",
          "find the id with `customers list --name <prefix>`, or select by name with `use customer <name>`.");
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A GUID that names something of the customer's ({@code what}: "subscription", "user"), in lower
   * case; {@code find} says where the user finds one.
   */
  static String guid(String option, String value, String what, String find) {
    String v = cleanValue(option, value);
    if (!isGuid(v)) {
      throw Failure.usage(
          "'"
              + shown(v)
              + "' is not a "
              + what
              + " id: a "
              + what
              + " id is a GUID such as 3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11.",
          find);
    }
    return v.toLowerCase(java.util.Locale.ROOT);
  }

  /** An id of {@code form} (a regular expression), described as {@code described}. */
  static String id(String option, String value, String form, String described, String find) {
    String v = cleanValue(option, value);
    if (!v.matches(form)) {
      throw Failure.usage(option + " '" + shown(v) + "' is not " + described + ".", find);
    }
    return v;
  }

  /** The customer a customer-scoped command works on: {@code --customer}, else the selected one. */
  static String targetCustomer(String option, SessionHolder session) {
    if (option != null) return customerId(cleanValue("--customer", option));
    return session
        .get()
        .customer()
        .map(c -> c.id())
        .orElseThrow(
            () ->
                Failure.usage(
                    "No customer selected, and no --customer given.",
                    "run `use customer <id | domain | name>` first, or pass --customer <id>."));
  }

  /**
   * The {@code --output} option, else the session default ({@code output} command), else {@code
   * pcsh.output}; and {@code --query}, compiled now so a bad expression sends nothing.
   */
  static OutputSpec output(
      String option, String query, OutputPreference preference, Settings settings) {
    OutputFormat format;
    if (option != null) {
      format =
          OutputFormat.parse(Values.choice("--output", option, OutputFormat.ids())).orElseThrow();
    } else {
      format =
          preference
              .get()
              .orElseGet(() -> OutputFormat.parse(settings.output()).orElse(OutputFormat.TABLE));
    }
    return new OutputSpec(format, query(query));
  }

  /** {@code --query}, compiled now so a bad expression sends nothing; empty when not given. */
  static Optional<Query> query(String query) {
    if (query == null) return Optional.empty();
    try {
      return Optional.of(Query.compile(query));
    } catch (Query.InvalidQueryException e) {
      throw Failure.usage(
          e.getMessage() + ".",
          "see https://jmespath.org for the syntax; e.g. --query"
              + " \"[].companyProfile.domain\".");
    }
  }

  /**
   * An identifier (an id, a code, a tenant): text as {@link Values#text} takes it, without the
   * blanks around it. Free text (a name prefix, a path) is taken as typed with {@code Values}.
   */
  static String cleanValue(String option, String value) {
    return Values.text(option, value).strip();
  }

  static String shown(String s) {
    return Text.shown(s);
  }
}

package pcsh.qualification.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import pcsh.api.Customer;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRequest;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.qualification.QualificationWrite;

/**
 * The input of `qualify bulk`: a CSV file with a header row (columns in any order and case:
 * customer, kind, code, segment, website), read and checked as a whole before anything is sent.
 * Blank lines and lines starting with {@code #} are skipped; a row's line number is the physical
 * line it starts on.
 */
public final class BulkInput {

  /**
   * One valid row: its line, the customer as given (an id, lower case, or a domain), and the write
   * it asks for.
   */
  public record Row(int line, String customer, boolean isId, QualificationWrite write) {}

  static final List<String> COLUMNS = List.of("customer", "kind", "code", "segment", "website");
  private static final Map<String, String> HEADER_NAMES =
      Map.of(
          "customer",
          "customer",
          "customerid",
          "customer",
          "domain",
          "customer",
          "kind",
          "kind",
          "code",
          "code",
          "segment",
          "segment",
          "website",
          "website");
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  private BulkInput() {}

  /** The bytes of {@code file}, or a usage error saying why there are none. */
  public static byte[] bytes(Path file) {
    if (Files.isDirectory(file)) {
      throw Failure.usage(file + " is a directory.", "give the path of a CSV file to --from.");
    }
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw Failure.usage(
          "The file " + file + " does not exist.", "give the path of a CSV file to --from.");
    } catch (IOException e) {
      throw Failure.usage(
          "The file " + file + " cannot be read: " + e.getMessage() + ".",
          "check the path and that it is a readable UTF-8 text file.");
    }
  }

  /**
   * The rows of {@code file}; a usage error (nothing sent) naming every bad line when any is wrong.
   */
  public static List<Row> read(Path file, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<CsvRecords.CsvRecord> records = CsvRecords.of(text);
    if (records.isEmpty()) {
      throw Failure.usage(
          "The file " + file + " has no header row and no rows.",
          "start it with a header such as: customer,kind,code,segment,website");
    }
    CsvRecords.CsvRecord header = records.get(0);
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> fields = CsvRecords.fields(header.text()).orElse(List.of());
    for (int i = 0; i < fields.size(); i++) {
      String name =
          fields
              .get(i)
              .strip()
              .replace(" ", "")
              .replace("_", "")
              .replace("-", "")
              .toLowerCase(Locale.ROOT);
      String column = HEADER_NAMES.get(name);
      if (column == null) {
        problems.add(
            "line "
                + header.line()
                + ": unknown column '"
                + Text.shown(fields.get(i))
                + "'; the columns"
                + " are "
                + String.join(", ", COLUMNS)
                + " (customer may also be called customer id or domain).");
      } else if (columns.putIfAbsent(column, i) != null) {
        problems.add("line " + header.line() + ": the column " + column + " appears twice.");
      }
    }
    for (String required : List.of("customer", "kind")) {
      if (!columns.containsKey(required) && problems.isEmpty()) {
        problems.add("line " + header.line() + ": the header has no " + required + " column.");
      }
    }
    if (!problems.isEmpty()) {
      throw Failure.usage(
          "The header of " + file + " is not valid:\n  " + String.join("\n  ", problems),
          "start the file with a header such as: customer,kind,code,segment,website");
    }
    if (records.size() == 1) {
      throw Failure.usage(
          "The file " + file + " has a header but no rows.", "add one row per customer.");
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      Optional<List<String>> parsed = CsvRecords.fields(r.text());
      if (parsed.isEmpty()) {
        problems.add("line " + r.line() + ": not a valid CSV row (check the quotes).");
        continue;
      }
      List<String> f = parsed.get();
      if (f.size() > fields.size()) {
        problems.add(
            "line "
                + r.line()
                + ": "
                + f.size()
                + " fields, but the header has "
                + fields.size()
                + ".");
        continue;
      }
      Map<String, String> v = new HashMap<>();
      columns.forEach(
          (name, index) -> {
            String value = index < f.size() ? f.get(index).strip() : "";
            if (!value.isEmpty()) v.put(name, value);
          });
      int before = problems.size();
      try {
        Row row = row(r.line(), v);
        rows.add(row);
      } catch (IllegalArgumentException e) {
        problems.add("line " + r.line() + ": " + e.getMessage());
      }
      String customer = v.get("customer");
      Integer first =
          customer == null ? null : seen.putIfAbsent(customer.toLowerCase(Locale.ROOT), r.line());
      if (first != null) {
        problems.add(
            before == problems.size() ? problems.size() : before + 1,
            "line "
                + r.line()
                + ": the customer "
                + customer.toLowerCase(Locale.ROOT)
                + " is also on line "
                + first
                + "; give each customer one row.");
      }
    }
    if (!problems.isEmpty()) {
      long bad = problems.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().count();
      throw Failure.usage(
          bad
              + " of "
              + (records.size() - 1)
              + " rows of "
              + file
              + " are not valid; nothing was sent:\n  "
              + String.join("\n  ", problems),
          "correct those lines and run the command again.");
    }
    return rows;
  }

  private static Row row(int line, Map<String, String> v) {
    String customer = v.get("customer");
    if (customer == null)
      throw new IllegalArgumentException("no customer (a customer id or a domain).");
    if (customer.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the customer contains a control character.");
    }
    boolean isId = Customer.isId(customer);
    if (!isId && !domain(customer)) {
      throw new IllegalArgumentException(
          "'"
              + Text.shown(customer)
              + "' is neither a customer id (a GUID such as"
              + " 3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11) nor a domain (such as fabrikamschools.onmicrosoft.com).");
    }
    String kindText = v.get("kind");
    if (kindText == null) throw new IllegalArgumentException("no kind (education, gcc or soe).");
    QualificationKind kind = kind(kindText);
    String code = v.get("code");
    String segment = v.get("segment");
    String website = v.get("website");
    if (kind != QualificationKind.GOVERNMENT_COMMUNITY_CLOUD && code != null) {
      throw new IllegalArgumentException(
          "a code is only for gcc; " + kind.apiName() + " takes none.");
    }
    if (kind != QualificationKind.EDUCATION && (segment != null || website != null)) {
      throw new IllegalArgumentException("segment and website are only for education.");
    }
    String c = customer.toLowerCase(Locale.ROOT);
    return switch (kind) {
      case GOVERNMENT_COMMUNITY_CLOUD -> {
        if (code == null) {
          throw new IllegalArgumentException(
              "gcc needs a code: one of the partner's validation codes (see"
                  + " `validation-codes list`).");
        }
        if (!QualificationWrite.validationCode(code)) {
          throw new IllegalArgumentException(
              "code '"
                  + Text.shown(code)
                  + "' is not a validation code: codes are"
                  + " letters, digits, '.', '_' or '-', at most 64 characters.");
        }
        yield new Row(line, c, isId, QualificationWrite.legacy(kind, code));
      }
      case EDUCATION -> {
        String seg =
            segment == null
                ? null
                : QualificationWrite.segment(segment)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "segment '"
                                    + Text.shown(segment)
                                    + "' is not an education segment:"
                                    + " use K12 or HigherEducation."));
        if (website != null
            && (website.codePoints().anyMatch(Character::isISOControl)
                || !QualificationWrite.website(website))) {
          throw new IllegalArgumentException(
              "website '"
                  + Text.shown(website)
                  + "' is not a website address"
                  + " (a domain or URL such as fabrikamschools.example).");
        }
        if (website != null && seg == null) {
          throw new IllegalArgumentException(
              "a website needs a segment: the V2 API that takes a website requires"
                  + " an education segment (K12 or HigherEducation).");
        }
        yield new Row(
            line,
            c,
            isId,
            seg == null
                ? QualificationWrite.legacy(kind, null)
                : QualificationWrite.v2(QualificationRequest.education(seg, website)));
      }
      default ->
          new Row(line, c, isId, QualificationWrite.v2(QualificationRequest.stateOwnedEntity()));
    };
  }

  /** A DNS name: labels of letters, digits and '-', at most 63 characters each, 253 in all. */
  private static boolean domain(String s) {
    if (s.length() > 253 || !DOMAIN.matcher(s).matches()) return false;
    for (String label : s.split("\\.", -1)) if (label.length() > 63) return false;
    return true;
  }

  /**
   * education, gcc or soe, or the API's names (GovernmentCommunityCloud, state_owned_entity, ...).
   */
  static QualificationKind kind(String text) {
    String f =
        text.strip().replace("-", "").replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return switch (f) {
      case "education" -> QualificationKind.EDUCATION;
      case "gcc", "governmentcommunitycloud" -> QualificationKind.GOVERNMENT_COMMUNITY_CLOUD;
      case "soe", "stateownedentity" -> QualificationKind.STATE_OWNED_ENTITY;
      case "none", "nonprofit" ->
          throw new IllegalArgumentException(
              "a customer's qualification cannot be set to "
                  + Text.shown(text)
                  + ": only Education, GovernmentCommunityCloud and StateOwnedEntity can be set, and"
                  + " once set a qualification cannot be removed.");
      default ->
          throw new IllegalArgumentException(
              "unknown kind '" + Text.shown(text) + "': use education, gcc or soe.");
    };
  }
}

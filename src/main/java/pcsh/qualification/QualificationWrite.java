package pcsh.qualification;

import java.util.Locale;
import java.util.Optional;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PlannedRequest;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationRequest;
import pcsh.api.QualificationValue;

/** One qualification write: which API, and what it sends. */
public record QualificationWrite(QualificationKind kind, String code, QualificationRequest v2) {

  public static QualificationWrite legacy(QualificationKind kind, String code) {
    return new QualificationWrite(kind, code, null);
  }

  public static QualificationWrite v2(QualificationRequest request) {
    return new QualificationWrite(
        QualificationKind.parse(request.qualification()).orElseThrow(), null, request);
  }

  public PlannedRequest plan(PartnerCenterClient client, String id) {
    return v2 == null ? client.planLegacyPut(id, kind, code) : client.planCreate(id, v2);
  }

  /** Sends the write; its answer, with what was read {@code before}, is the new state. */
  Sent send(PartnerCenterClient client, String id, String requestId, QualificationState before) {
    if (v2 == null) {
      QualificationValue v = client.setLegacyQualification(id, kind, code, requestId);
      return new Sent(v, v.display(), before.withLegacy(v));
    }
    QualificationRecord r = client.createQualification(id, v2, requestId);
    return new Sent(
        r,
        r.value().display()
            + Optional.ofNullable(r.vettingStatus()).map(s -> " (" + s + ")").orElse(""),
        before.withRecord(r));
  }

  /** For the journal: the kind first, then the API; never the validation code itself. */
  public String describe() {
    return kind.apiName()
        + (v2 == null
            ? " (legacy PUT" + (code == null ? "" : ", with a validation code") + ")"
            : " (V2 POST"
                + (v2.educationSegment() == null ? "" : ", " + v2.educationSegment())
                + ")");
  }

  /**
   * What a write answered: the API's object for structured output, one line for people, and the
   * state it makes (the answer applied to the state read before the write).
   */
  public record Sent(Object body, String display, QualificationState after) {}

  /** {@code K12} or {@code HigherEducation} in any case, with or without '-', '_' or blanks. */
  public static Optional<String> segment(String s) {
    String f =
        s.strip().replace("-", "").replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (f.equals("k12")) return Optional.of("K12");
    if (f.equals("highereducation")) return Optional.of("HigherEducation");
    return Optional.empty();
  }

  /** A domain or an http(s) URL. */
  public static boolean website(String v) {
    return v.length() <= 2048
        && v.matches(
            "(?i)(https?://)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"
                + "(:[0-9]{1,5})?(/[^\\s]*)?");
  }

  /** A validationId as `validation-codes list` shows it. */
  public static boolean validationCode(String c) {
    return c.matches("[A-Za-z0-9._-]{1,64}");
  }
}

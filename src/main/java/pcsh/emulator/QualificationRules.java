package pcsh.emulator;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The qualification rules of spec 6-8 applied to a working copy of the state. Every check runs
 * before the first change, and the store discards the copy on an exception, so a refused write
 * never uses a code or adds an entry. Statuses and codes for refusals are the emulator's own
 * (undocumented, spec Q11): 400/3000 for a write that can never succeed as asked, 409/3000 when the
 * customer already has that qualification.
 */
final class QualificationRules {

  static final String NOT_AN_ACADEMIC_DOMAIN = "Not an Academic Domain";
  static final String NOT_AN_EDUCATION_CUSTOMER = "Not an Education Customer";

  /** Substrings of a website's host that make it look academic to the emulator's vetting. */
  private static final List<String> ACADEMIC_HINTS =
      List.of("edu", "school", "college", "university", "academy", "k12", "library", "museum");

  private QualificationRules() {}

  /** The single legacy value: GCC wins, then a live Education, then SOE; otherwise None. */
  static Qualification legacyValue(List<QualificationEntry> entries) {
    if (has(entries, Qualification.GOVERNMENT_COMMUNITY_CLOUD)) {
      return Qualification.GOVERNMENT_COMMUNITY_CLOUD;
    }
    if (has(entries, Qualification.EDUCATION)) {
      return Qualification.EDUCATION;
    }
    if (has(entries, Qualification.STATE_OWNED_ENTITY)) {
      return Qualification.STATE_OWNED_ENTITY;
    }
    return Qualification.NONE;
  }

  /**
   * Legacy PUT: synchronous, so Education is Approved at once; GCC needs a customer with nothing at
   * all.
   */
  static void applyLegacy(
      EmulatorState state, String customerId, Qualification q, String code, String now) {
    switch (q) {
      case EDUCATION ->
          addEducation(
              state,
              customerId,
              new QualificationEntry(q, QualificationEntry.APPROVED, null, now, null, null, null));
      case GOVERNMENT_COMMUNITY_CLOUD -> addGcc(state, customerId, code, now, false);
      case STATE_OWNED_ENTITY ->
          throw ApiException.refused(
              "StateOwnedEntity cannot be set through /qualification; use POST /qualifications.");
      default ->
          throw ApiException.refused(
              "Qualification "
                  + q.pascal()
                  + " cannot be set; only Education and GovernmentCommunityCloud can.");
    }
  }

  /**
   * V2 POST: Education starts InReview (vetting is asynchronous) and is decided by {@link #vet}
   * once {@code decisionTime} has come; SOE combines with Education or GCC.
   */
  static QualificationEntry applyV2(
      EmulatorState state,
      String customerId,
      QualificationRequest request,
      String now,
      Instant decisionTime) {
    Qualification q = request.qualification();
    return switch (q) {
      case EDUCATION -> {
        if (request.educationSegment() == null) {
          throw ApiException.refused(
              "educationSegment is required for Education (K12 or HigherEducation).");
        }
        yield addEducation(
            state,
            customerId,
            new QualificationEntry(
                q,
                QualificationEntry.IN_REVIEW,
                null,
                now,
                request.educationSegment(),
                request.website(),
                decisionTime));
      }
      case GOVERNMENT_COMMUNITY_CLOUD ->
          addGcc(state, customerId, request.validationCode(), now, true);
      case STATE_OWNED_ENTITY -> {
        if (has(state.qualifications(customerId), Qualification.STATE_OWNED_ENTITY)) {
          throw ApiException.conflict("Customer " + customerId + " already has StateOwnedEntity.");
        }
        QualificationEntry entry = QualificationEntry.stateOwnedEntity();
        state.add(customerId, entry);
        yield entry;
      }
      default ->
          throw ApiException.refused(
              "Qualification "
                  + q.pascal()
                  + " cannot be set; only Education, GovernmentCommunityCloud and StateOwnedEntity can.");
    };
  }

  private static QualificationEntry addEducation(
      EmulatorState state, String customerId, QualificationEntry entry) {
    List<QualificationEntry> entries = state.qualifications(customerId);
    if (has(entries, Qualification.GOVERNMENT_COMMUNITY_CLOUD)) {
      throw ApiException.refused(
          "Education and GovernmentCommunityCloud cannot be combined; customer "
              + customerId
              + " has GovernmentCommunityCloud.");
    }
    if (has(entries, Qualification.EDUCATION)) {
      throw ApiException.conflict(
          "Customer " + customerId + " already has the Education qualification.");
    }
    state.add(customerId, entry);
    return entry;
  }

  /**
   * @param soeCombines whether a StateOwnedEntity entry may stay beside the new GCC (V2 allows the
   *     pair; the legacy API wants a customer with no qualification at all)
   */
  private static QualificationEntry addGcc(
      EmulatorState state, String customerId, String code, String now, boolean soeCombines) {
    if (code == null || code.isBlank()) {
      throw ApiException.refused(
          "The validation code must be set when assigning the GovernmentCommunityCloud qualification.");
    }
    if (ValidationCode.find(code.trim()) == null) {
      throw ApiException.refused("Unknown validation code " + code.trim() + " for this partner.");
    }
    List<QualificationEntry> entries = state.qualifications(customerId);
    if (has(entries, Qualification.GOVERNMENT_COMMUNITY_CLOUD)) {
      throw ApiException.conflict(
          "Customer " + customerId + " already has the GovernmentCommunityCloud qualification.");
    }
    entries.stream()
        .filter(QualificationEntry::active)
        .filter(e -> !(soeCombines && e.is(Qualification.STATE_OWNED_ENTITY)))
        .findFirst()
        .ifPresent(
            e -> {
              throw ApiException.refused(
                  "GovernmentCommunityCloud needs a customer with no qualification; "
                      + "customer "
                      + customerId
                      + " has "
                      + e.qualification().pascal()
                      + ".");
            });
    if (state.remainingCreates(code.trim()) <= 0) {
      throw ApiException.refused("Validation code " + code.trim() + " has no remaining creates.");
    }
    state.useCode(code.trim());
    QualificationEntry entry =
        new QualificationEntry(
            Qualification.GOVERNMENT_COMMUNITY_CLOUD,
            QualificationEntry.APPROVED,
            null,
            now,
            null,
            null,
            null);
    state.add(customerId, entry);
    return entry;
  }

  /**
   * The emulator's own vetting of a due InReview Education (the real service's criteria are not
   * documented). It is deterministic and decided at the entry's decision time: Approved, except
   * Denied with "Not an Academic Domain" when the request had a website whose host has no academic
   * hint, i.e. contains none of edu, school, college, university, academy, k12, library, museum
   * (case-insensitive substrings) and is not under an {@code .ac.} domain (such as {@code
   * ox.ac.uk}). No website, or a blank one, is Approved.
   */
  static QualificationEntry vet(QualificationEntry entry) {
    boolean approved =
        entry.website() == null || entry.website().isBlank() || academicHost(host(entry.website()));
    return entry.decided(approved, NOT_AN_ACADEMIC_DOMAIN, entry.decisionTime());
  }

  static boolean academicHost(String host) {
    return host.contains(".ac.") || ACADEMIC_HINTS.stream().anyMatch(host::contains);
  }

  /** The lower-case host of a website given with or without a scheme, path, port or user info. */
  static String host(String website) {
    String w = website.trim();
    String withScheme = w.contains("://") ? w : "http://" + w;
    try {
      String host = URI.create(withScheme).getHost();
      if (host != null) {
        return stripDot(host.toLowerCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      // not a URI; fall back to cutting the text by hand
    }
    String rest = w.contains("://") ? w.substring(w.indexOf("://") + 3) : w;
    rest = rest.split("[/?#]", 2)[0];
    rest = rest.substring(rest.lastIndexOf('@') + 1);
    rest = rest.replaceFirst(":\\d*$", "");
    return stripDot(rest.toLowerCase(Locale.ROOT));
  }

  private static String stripDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /**
   * The test hook: decides the customer's InReview Education now, whatever its decision time
   * (seeded entries have none). {@code reason} counts only when denied; {@code null} gives "Not an
   * Education Customer".
   *
   * @throws IllegalArgumentException when the customer has no InReview Education
   */
  static QualificationEntry completeVetting(
      EmulatorState state, String customerId, boolean approved, String reason, Instant now) {
    QualificationEntry pending =
        state.qualifications(customerId).stream()
            .filter(e -> e.is(Qualification.EDUCATION) && e.inReview())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "customer " + customerId + " has no InReview Education qualification"));
    QualificationEntry decided =
        pending.decided(approved, reason != null ? reason : NOT_AN_EDUCATION_CUSTOMER, now);
    state.replace(customerId, pending, decided);
    return decided;
  }

  private static boolean has(List<QualificationEntry> entries, Qualification q) {
    return entries.stream().anyMatch(e -> e.is(q) && e.active());
  }
}

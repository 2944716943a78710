package pcsh.emulator;

import java.time.Instant;

/**
 * One V2 qualification of a customer (spec 7.3). Null fields are absent on the wire;
 * StateOwnedEntity entries carry only the qualification, as in the docs' examples.
 *
 * @param decisionTime when vetting decides (InReview) or decided (Approved/Denied) an Education
 *     created by the V2 POST; kept in {@code state.json} only, never sent on the wire. {@code null}
 *     for every other entry, so a seeded InReview entry stays InReview until a test decides it
 */
record QualificationEntry(
    Qualification qualification,
    String vettingStatus,
    String vettingReason,
    String vettingCreateDate,
    String educationSegment,
    String website,
    Instant decisionTime) {

  static final String APPROVED = "Approved";
  static final String IN_REVIEW = "InReview";
  static final String DENIED = "Denied";

  static QualificationEntry stateOwnedEntity() {
    return new QualificationEntry(
        Qualification.STATE_OWNED_ENTITY, null, null, null, null, null, null);
  }

  /**
   * Denied entries no longer count as a qualification (a denied school may try again or go GCC).
   */
  boolean active() {
    return !DENIED.equalsIgnoreCase(vettingStatus);
  }

  boolean is(Qualification q) {
    return qualification == q;
  }

  boolean inReview() {
    return IN_REVIEW.equalsIgnoreCase(vettingStatus);
  }

  /** InReview with a decision time that has come. */
  boolean vettingDue(Instant now) {
    return inReview() && decisionTime != null && !decisionTime.isAfter(now);
  }

  /** This entry decided: Approved without a reason, or Denied with {@code reason}. */
  QualificationEntry decided(boolean approved, String reason, Instant at) {
    return new QualificationEntry(
        qualification,
        approved ? APPROVED : DENIED,
        approved ? null : reason,
        vettingCreateDate,
        educationSegment,
        website,
        at);
  }
}

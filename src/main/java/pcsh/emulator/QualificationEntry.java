package pcsh.emulator;

/**
 * One V2 qualification of a customer (spec 7.3). Null fields are absent on the wire; StateOwnedEntity entries carry
 * only the qualification, as in the docs' examples.
 */
record QualificationEntry(
        Qualification qualification,
        String vettingStatus,
        String vettingReason,
        String vettingCreateDate,
        String educationSegment,
        String website) {

    static final String APPROVED = "Approved";
    static final String IN_REVIEW = "InReview";
    static final String DENIED = "Denied";

    static QualificationEntry stateOwnedEntity() {
        return new QualificationEntry(Qualification.STATE_OWNED_ENTITY, null, null, null, null, null);
    }

    /** Denied entries no longer count as a qualification (a denied school may try again or go GCC). */
    boolean active() {
        return !DENIED.equalsIgnoreCase(vettingStatus);
    }

    boolean is(Qualification q) {
        return qualification == q;
    }
}

package pcsh.emulator;

import java.util.List;

/**
 * The qualification rules of spec 6-8 applied to a working copy of the state. Every check runs before the first
 * change, and the store discards the copy on an exception, so a refused write never uses a code or adds an entry.
 * Statuses and codes for refusals are the emulator's own (undocumented, spec Q11): 400/3000 for a write that can
 * never succeed as asked, 409/3000 when the customer already has that qualification.
 */
final class QualificationRules {

    private QualificationRules() {
    }

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

    /** Legacy PUT: synchronous, so Education is Approved at once; GCC needs a customer with nothing at all. */
    static void applyLegacy(EmulatorState state, String customerId, Qualification q, String code, String now) {
        switch (q) {
            case EDUCATION -> addEducation(state, customerId,
                    new QualificationEntry(q, QualificationEntry.APPROVED, null, now, null, null));
            case GOVERNMENT_COMMUNITY_CLOUD -> addGcc(state, customerId, code, now, false);
            case STATE_OWNED_ENTITY -> throw ApiException.refused(
                    "StateOwnedEntity cannot be set through /qualification; use POST /qualifications.");
            default -> throw ApiException.refused("Qualification " + q.pascal()
                    + " cannot be set; only Education and GovernmentCommunityCloud can.");
        }
    }

    /** V2 POST: Education starts InReview (vetting is asynchronous); SOE combines with Education or GCC. */
    static QualificationEntry applyV2(EmulatorState state, String customerId, QualificationRequest request,
                                      String now) {
        Qualification q = request.qualification();
        return switch (q) {
            case EDUCATION -> {
                if (request.educationSegment() == null) {
                    throw ApiException.refused("educationSegment is required for Education (K12 or HigherEducation).");
                }
                yield addEducation(state, customerId, new QualificationEntry(q, QualificationEntry.IN_REVIEW, null,
                        now, request.educationSegment(), request.website()));
            }
            case GOVERNMENT_COMMUNITY_CLOUD -> addGcc(state, customerId, request.validationCode(), now, true);
            case STATE_OWNED_ENTITY -> {
                if (has(state.qualifications(customerId), Qualification.STATE_OWNED_ENTITY)) {
                    throw ApiException.conflict("Customer " + customerId + " already has StateOwnedEntity.");
                }
                QualificationEntry entry = QualificationEntry.stateOwnedEntity();
                state.add(customerId, entry);
                yield entry;
            }
            default -> throw ApiException.refused("Qualification " + q.pascal()
                    + " cannot be set; only Education, GovernmentCommunityCloud and StateOwnedEntity can.");
        };
    }

    private static QualificationEntry addEducation(EmulatorState state, String customerId, QualificationEntry entry) {
        List<QualificationEntry> entries = state.qualifications(customerId);
        if (has(entries, Qualification.GOVERNMENT_COMMUNITY_CLOUD)) {
            throw ApiException.refused("Education and GovernmentCommunityCloud cannot be combined; customer "
                    + customerId + " has GovernmentCommunityCloud.");
        }
        if (has(entries, Qualification.EDUCATION)) {
            throw ApiException.conflict("Customer " + customerId + " already has the Education qualification.");
        }
        state.add(customerId, entry);
        return entry;
    }

    /**
     * @param soeCombines whether a StateOwnedEntity entry may stay beside the new GCC (V2 allows the pair; the
     *                    legacy API wants a customer with no qualification at all)
     */
    private static QualificationEntry addGcc(EmulatorState state, String customerId, String code, String now,
                                             boolean soeCombines) {
        if (code == null || code.isBlank()) {
            throw ApiException.refused(
                    "The validation code must be set when assigning the GovernmentCommunityCloud qualification.");
        }
        if (ValidationCode.find(code.trim()) == null) {
            throw ApiException.refused("Unknown validation code " + code.trim() + " for this partner.");
        }
        List<QualificationEntry> entries = state.qualifications(customerId);
        if (has(entries, Qualification.GOVERNMENT_COMMUNITY_CLOUD)) {
            throw ApiException.conflict("Customer " + customerId
                    + " already has the GovernmentCommunityCloud qualification.");
        }
        entries.stream()
                .filter(QualificationEntry::active)
                .filter(e -> !(soeCombines && e.is(Qualification.STATE_OWNED_ENTITY)))
                .findFirst()
                .ifPresent(e -> {
                    throw ApiException.refused("GovernmentCommunityCloud needs a customer with no qualification; "
                            + "customer " + customerId + " has " + e.qualification().pascal() + ".");
                });
        if (state.remainingCreates(code.trim()) <= 0) {
            throw ApiException.refused("Validation code " + code.trim() + " has no remaining creates.");
        }
        state.useCode(code.trim());
        QualificationEntry entry = new QualificationEntry(Qualification.GOVERNMENT_COMMUNITY_CLOUD,
                QualificationEntry.APPROVED, null, now, null, null);
        state.add(customerId, entry);
        return entry;
    }

    private static boolean has(List<QualificationEntry> entries, Qualification q) {
        return entries.stream().anyMatch(e -> e.is(q) && e.active());
    }
}

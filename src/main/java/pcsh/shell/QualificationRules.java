package pcsh.shell;

import java.util.List;
import java.util.Optional;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationValue;

/**
 * The documented qualification rules, checked against what pcsh read before writing, so a write the service
 * would refuse is not sent: GCC needs a customer with no qualification; Education and GCC cannot be combined;
 * StateOwnedEntity combines with either.
 */
final class QualificationRules {

  private QualificationRules() {}

  /** The qualifications the customer holds (denied ones do not count). */
  static List<QualificationKind> held(QualificationValue legacy, Optional<List<QualificationRecord>> records) {
    java.util.LinkedHashSet<QualificationKind> held = new java.util.LinkedHashSet<>();
    legacy.kind().filter(k -> k != QualificationKind.NONE).ifPresent(held::add);
    records.ifPresent(rs -> rs.stream().filter(r -> !r.denied())
        .forEach(r -> r.value().kind().filter(k -> k != QualificationKind.NONE).ifPresent(held::add)));
    return List.copyOf(held);
  }

  /** Present when the customer already has the target, so there is nothing to do. */
  static Optional<String> alreadyHas(QualificationValue legacy, Optional<List<QualificationRecord>> records,
      QualificationKind target) {
    if (!held(legacy, records).contains(target)) return Optional.empty();
    String status = records.flatMap(rs -> rs.stream()
        .filter(r -> !r.denied() && r.value().is(target) && r.vettingStatus() != null)
        .map(r -> " (" + r.vettingStatus() + ")").findFirst()).orElse("");
    return Optional.of(target.apiName() + status);
  }

  /** Present with the reason when the rules forbid the write. */
  static Optional<String> refusal(QualificationValue legacy, Optional<List<QualificationRecord>> records,
      QualificationKind target) {
    List<QualificationKind> held = held(legacy, records);
    if (target == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD && !held.isEmpty()) {
      return Optional.of("GovernmentCommunityCloud can only be set on a customer with no qualification, and this"
          + " customer has " + names(held) + ".");
    }
    if (target == QualificationKind.EDUCATION && held.contains(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD)) {
      return Optional.of("Education and GovernmentCommunityCloud cannot be combined, and this customer has"
          + " GovernmentCommunityCloud.");
    }
    if (legacy.kind().isEmpty() && target == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD) {
      return Optional.of("its current qualification '" + legacy.raw() + "' is not one pcsh knows, so it cannot"
          + " tell whether GovernmentCommunityCloud is allowed.");
    }
    return Optional.empty();
  }

  private static String names(List<QualificationKind> kinds) {
    return String.join(" and ", kinds.stream().map(QualificationKind::apiName).toList());
  }
}

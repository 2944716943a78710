package pcsh.qualification;

import java.util.List;
import java.util.Optional;
import pcsh.api.QualificationKind;

/**
 * The documented qualification rules, checked against what pcsh read before writing, so a write the
 * service would refuse is not sent: GCC needs a customer with no qualification; Education and GCC
 * cannot be combined; StateOwnedEntity combines with either.
 */
public final class QualificationRules {

  private QualificationRules() {}

  /** Present when the customer already has the target, so there is nothing to do. */
  public static Optional<String> alreadyHas(QualificationState state, QualificationKind target) {
    if (!state.held().contains(target)) return Optional.empty();
    String status =
        state
            .records()
            .flatMap(
                rs ->
                    rs.stream()
                        .filter(
                            r -> !r.denied() && r.value().is(target) && r.vettingStatus() != null)
                        .map(r -> " (" + r.vettingStatus() + ")")
                        .findFirst())
            .orElse("");
    return Optional.of(target.apiName() + status);
  }

  /** Present with the reason when the rules forbid the write. */
  public static Optional<String> refusal(QualificationState state, QualificationKind target) {
    List<QualificationKind> held = state.held();
    if (target == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD && !held.isEmpty()) {
      return Optional.of(
          "GovernmentCommunityCloud can only be set on a customer with no qualification, and this"
              + " customer has "
              + String.join(" and ", held.stream().map(QualificationKind::apiName).toList())
              + ".");
    }
    if (target == QualificationKind.EDUCATION
        && held.contains(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD)) {
      return Optional.of(
          "Education and GovernmentCommunityCloud cannot be combined, and this customer has"
              + " GovernmentCommunityCloud.");
    }
    Optional<String> unknown = state.legacy().filter(v -> v.kind().isEmpty()).map(v -> v.raw());
    if (unknown.isPresent() && target == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD) {
      return Optional.of(
          "its current qualification '"
              + unknown.get()
              + "' is not one pcsh knows, so it cannot"
              + " tell whether GovernmentCommunityCloud is allowed.");
    }
    return Optional.empty();
  }
}

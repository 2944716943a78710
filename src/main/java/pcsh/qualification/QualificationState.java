package pcsh.qualification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationValue;

/**
 * What pcsh read of a customer's qualification: the legacy single value and the V2 list, each
 * absent when the service does not offer that API (the legacy one is deprecated, the V2 one newer).
 */
public record QualificationState(
    Optional<QualificationValue> legacy, Optional<List<QualificationRecord>> records) {

  /**
   * After a legacy write answered {@code v}: the legacy value is the answer, the V2 list (if read)
   * as it was.
   */
  public QualificationState withLegacy(QualificationValue v) {
    return new QualificationState(Optional.of(v), records);
  }

  /**
   * After a V2 write answered {@code r}: the list read before with {@code r} added. The legacy
   * value is left out, as the service derives it from the list and pcsh did not read it again.
   */
  public QualificationState withRecord(QualificationRecord r) {
    List<QualificationRecord> list = new ArrayList<>(records.orElse(List.of()));
    list.add(r);
    return new QualificationState(Optional.empty(), Optional.of(List.copyOf(list)));
  }

  /** The qualifications the customer holds; denied ones do not count. */
  public List<QualificationKind> held() {
    LinkedHashSet<QualificationKind> held = new LinkedHashSet<>();
    legacy
        .flatMap(QualificationValue::kind)
        .filter(k -> k != QualificationKind.NONE)
        .ifPresent(held::add);
    records.ifPresent(
        rs ->
            rs.stream()
                .filter(r -> !r.denied())
                .forEach(
                    r ->
                        r.value()
                            .kind()
                            .filter(k -> k != QualificationKind.NONE)
                            .ifPresent(held::add)));
    return List.copyOf(held);
  }

  /** A few characters for the prompt: {@code GCC}, {@code Education+SOE}, {@code none}. */
  public String shortLabel() {
    List<QualificationKind> held = held();
    if (held.isEmpty())
      return legacy.filter(v -> v.kind().isEmpty()).map(QualificationValue::raw).orElse("none");
    return String.join(
        "+",
        held.stream()
            .map(
                k ->
                    switch (k) {
                      case GOVERNMENT_COMMUNITY_CLOUD -> "GCC";
                      case STATE_OWNED_ENTITY -> "SOE";
                      default -> k.apiName();
                    })
            .toList());
  }

  /**
   * One line for people: the legacy value as the service spelled it, else what the V2 list holds.
   */
  public String summary() {
    if (legacy.isPresent()) return legacy.get().display();
    List<QualificationKind> held = held();
    return held.isEmpty()
        ? "None"
        : String.join(" + ", held.stream().map(QualificationKind::apiName).toList());
  }
}

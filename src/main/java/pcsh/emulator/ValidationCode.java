package pcsh.emulator;

import java.util.List;

/**
 * The fixed part of a partner's GCC validation code (spec 8); the remaining count lives in {@link
 * EmulatorState}.
 */
record ValidationCode(
    String validationId, String organizationName, int maxCreates, int seedRemaining) {

  static final List<ValidationCode> SEED =
      List.of(
          new ValidationCode(SeedCustomers.OPEN_CODE, "Fabrikam County Government", 10, 7),
          new ValidationCode(SeedCustomers.EXHAUSTED_CODE, "Litware City Council", 5, 0),
          new ValidationCode(SeedCustomers.SPARE_CODE, "Adventure Works Public Safety", 3, 3));

  static ValidationCode find(String validationId) {
    return SEED.stream().filter(c -> c.validationId.equals(validationId)).findFirst().orElse(null);
  }

  /** A weak ETag that changes with every use of the code, so a client can tell versions apart. */
  String eTag(int remaining) {
    return "W/\"" + validationId + "-" + (maxCreates - remaining) + "\"";
  }
}

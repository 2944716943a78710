package pcsh.emulator;

/**
 * Ids of the named seed customers and the seeded GCC validation codes, so callers and tests need
 * not repeat literals. The generated customers that follow them have ids from {@code
 * UUID.nameUUIDFromBytes("pcsh-emulator-customer-" + i)}.
 */
public final class SeedCustomers {

  /** No qualification. */
  public static final String NORTHWIND_ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";

  /** Education, Approved, K12. */
  public static final String FABRIKAM_ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";

  /** GovernmentCommunityCloud, Approved. */
  public static final String TAILSPIN_ID = "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13";

  /** StateOwnedEntity. */
  public static final String WOODGROVE_ID = "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293";

  /** Education, InReview, HigherEducation. */
  public static final String ADATUM_ID = "5e7a9c1b-3d5f-4a7b-8c9d-e0f1a2b3c4d5";

  /** No qualification. */
  public static final String LITWARE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

  /** No qualification. */
  public static final String CONTOSO_LTD_ID = "2d4f6a8c-0e1b-4d3f-a5c7-e9f1b3d5a7c9";

  /** No qualification. */
  public static final String CONTOSO_HEALTH_ID = "7c9e1a3b-5d7f-4b1d-9f3a-5c7e9a1b3d5f";

  /**
   * Not a customer: a tenant with no commerce relationship to the demo partner, so every {@code
   * /v1/customers/{id}/...} request naming it gets 403 with code 20002 "No relationship between
   * caller and account." (spec 9.3). It is never listed.
   */
  public static final String NOT_A_CUSTOMER_ID = "5f0e4d3c-2b1a-4098-8f7e-000000020002";

  /** "Fabrikam County Government": 10 creates, 7 remaining. */
  public static final String OPEN_CODE = "448812";

  /** "Litware City Council": 5 creates, none remaining. */
  public static final String EXHAUSTED_CODE = "731200";

  /** "Adventure Works Public Safety": 3 creates, 3 remaining. */
  public static final String SPARE_CODE = "552019";

  private SeedCustomers() {}
}

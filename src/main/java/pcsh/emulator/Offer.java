package pcsh.emulator;

import java.util.List;

/**
 * What a seeded subscription was bought from, and the licence (subscribed SKU) it gives. New
 * commerce offer ids are {@code product:sku:availability} (spec 19); a legacy offer id is a GUID.
 * The ids and part numbers are composed for the emulator, in the documented forms.
 *
 * @param offerId the subscription's {@code offerId}
 * @param legacy a legacy (non-new-commerce) offer: no {@code productType}, a {@code links.offer}
 * @param skuPartNumber the subscribed SKU's part number
 * @param licenseGroup {@code Group1} (managed in Entra ID) or {@code Group2} (Minecraft)
 * @param servicePlans the SKU's service plan names
 */
record Offer(
    String offerId,
    String name,
    boolean legacy,
    String skuPartNumber,
    String licenseGroup,
    List<String> servicePlans) {

  static final Offer BUSINESS_BASIC =
      nce(
          "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
          "Microsoft 365 Business Basic",
          "O365_BUSINESS_ESSENTIALS",
          "EXCHANGE_S_STANDARD",
          "TEAMS1");
  static final Offer BUSINESS_STANDARD =
      nce(
          "CFQ7TTC0LDPB:0001:CFQ7TTC0K5BF",
          "Microsoft 365 Business Standard",
          "O365_BUSINESS_PREMIUM",
          "EXCHANGE_S_STANDARD",
          "OFFICE_BUSINESS");
  static final Offer BUSINESS_PREMIUM =
      nce(
          "CFQ7TTC0LCHC:0002:CFQ7TTC0K8P5",
          "Microsoft 365 Business Premium",
          "SPB",
          "EXCHANGE_S_STANDARD",
          "INTUNE_A",
          "AAD_PREMIUM");
  static final Offer TEAMS_ESSENTIALS =
      nce(
          "CFQ7TTC0LH0R:0002:CFQ7TTC0K9Z4",
          "Microsoft Teams Essentials",
          "TEAMS_ESSENTIALS_AAD",
          "TEAMS1");
  static final Offer EXCHANGE_PLAN_1 =
      nce(
          "CFQ7TTC0LH16:0001:CFQ7TTC0K8Z1",
          "Exchange Online (Plan 1)",
          "EXCHANGESTANDARD",
          "EXCHANGE_S_STANDARD");
  static final Offer POWER_BI_PRO =
      nce("CFQ7TTC0L3PB:0001:CFQ7TTC0KXN8", "Power BI Pro", "POWER_BI_PRO", "BI_AZURE_P2");
  static final Offer VISIO_PLAN_2 =
      nce(
          "CFQ7TTC0KQ0M:0001:CFQ7TTC0K6RL",
          "Visio Plan 2",
          "VISIOCLIENT",
          "VISIO_CLIENT_SUBSCRIPTION",
          "VISIOONLINE");
  static final Offer DEFENDER_BUSINESS =
      nce(
          "CFQ7TTC0LFK5:0001:CFQ7TTC0K3KM",
          "Microsoft Defender for Business",
          "MDE_SMB",
          "MDE_SMB");
  static final Offer OFFICE_E3 =
      nce(
          "CFQ7TTC0LF8Q:0001:CFQ7TTC0K4Q1",
          "Office 365 E3",
          "ENTERPRISEPACK",
          "EXCHANGE_S_ENTERPRISE",
          "OFFICESUBSCRIPTION",
          "SHAREPOINTENTERPRISE");
  static final Offer OFFICE_G3_GCC =
      nce(
          "CFQ7TTC0LF8S:0001:CFQ7TTC0K4Q3",
          "Office 365 G3 GCC",
          "ENTERPRISEPACK_GOV",
          "EXCHANGE_S_ENTERPRISE_GOV",
          "OFFICESUBSCRIPTION_GOV");
  static final Offer OFFICE_A3_FACULTY =
      nce(
          "CFQ7TTC0LFJZ:0002:CFQ7TTC0K1B9",
          "Office 365 A3 for faculty",
          "ENTERPRISEPACKPLUS_FACULTY",
          "EXCHANGE_S_ENTERPRISE",
          "OFFICESUBSCRIPTION");
  static final Offer OFFICE_A1_STUDENTS =
      nce(
          "CFQ7TTC0LFJT:0001:CFQ7TTC0K1B2",
          "Office 365 A1 for students",
          "STANDARDWOFFPACK_STUDENT",
          "EXCHANGE_S_STANDARD",
          "SHAREPOINTWAC_EDU");
  static final Offer MINECRAFT_EDUCATION =
      new Offer(
          "CFQ7TTC0LHT5:0001:CFQ7TTC0K2D8",
          "Minecraft Education",
          false,
          "MEE_STUDENT",
          "Group2",
          List.of("MINECRAFT_EDUCATION_EDITION"));
  static final Offer LEGACY_OFFICE_E1 =
      new Offer(
          "91FD106F-4B2C-4938-95AC-F54F74E9A239",
          "Office 365 E1",
          true,
          "STANDARDPACK",
          "Group1",
          List.of("EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD"));

  /** The offers a generated customer's subscriptions are drawn from. */
  static final List<Offer> COMMON =
      List.of(
          BUSINESS_BASIC,
          BUSINESS_STANDARD,
          BUSINESS_PREMIUM,
          EXCHANGE_PLAN_1,
          POWER_BI_PRO,
          OFFICE_E3);

  private static Offer nce(String offerId, String name, String part, String... plans) {
    return new Offer(offerId, name, false, part, "Group1", List.of(plans));
  }

  /** The product id (the first part of a new commerce offer id). */
  String productId() {
    return offerId.split(":", -1)[0];
  }

  String skuId() {
    return offerId.split(":", -1)[1];
  }

  String availabilityId() {
    return offerId.split(":", -1)[2];
  }

  /** The subscribed SKU's id: a GUID derived from the part number. */
  String subscribedSkuId() {
    return SeedIds.uuid("sku-" + skuPartNumber);
  }
}

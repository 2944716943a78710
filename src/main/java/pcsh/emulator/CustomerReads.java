package pcsh.emulator;

import java.time.Clock;

/**
 * The customer's own reads (spec 18, 21): the customer by id, its company and billing profiles, its
 * indirect resellers and its account status. The company profile's address and email, and the
 * customer's custom domains, are shown only with one of their GDAP roles ({@link GdapRoles}).
 */
final class CustomerReads {

  private final CustomerDirectory directory;
  private final GdapRoles gdap;
  private final Clock clock;

  CustomerReads(CustomerDirectory directory, GdapRoles gdap, Clock clock) {
    this.directory = directory;
    this.gdap = gdap;
    this.clock = clock;
  }

  // GET /v1/customers/{id}
  ApiResponse customer(String id) {
    Customer c = directory.require(id);
    return ApiResponse.ok(
        CustomerJson.full(
            c,
            gdap.allows(c, GdapRoles.Read.ADDRESS_AND_EMAIL),
            gdap.allows(c, GdapRoles.Read.CUSTOM_DOMAINS)));
  }

  // GET /v1/customers/{id}/profiles/company
  ApiResponse companyProfile(String id) {
    Customer c = directory.require(id);
    return ApiResponse.ok(
        CustomerJson.companyProfile(c, gdap.allows(c, GdapRoles.Read.ADDRESS_AND_EMAIL)));
  }

  // GET /v1/customers/{id}/profiles/billing
  ApiResponse billingProfile(String id) {
    return ApiResponse.ok(CustomerJson.billingProfile(directory.require(id)));
  }

  // GET /v1/customers/{id}/relationships
  ApiResponse relationships(String id) {
    return IndirectPartners.ofCustomer(directory.require(id));
  }

  // GET /v1/customers/{id}/validationStatus?type=account
  ApiResponse accountStatus(String id, String type) {
    return AccountStatus.of(directory.require(id), type, clock.instant());
  }
}

package pcsh.emulator;

import static pcsh.emulator.RouteTable.Access.APP_AND_USER;
import static pcsh.emulator.RouteTable.Access.USER_ONLY;

/**
 * Every Partner Center route the emulator serves, with who may call it (spec 4, 6, 7, 8, 14,
 * 17-22): the one table {@link EmulatorHandler} dispatches through. Literal routes come before
 * variable ones of the same shape.
 */
final class Routes {

  private Routes() {}

  static RouteTable of(
      Resources resources,
      CustomerReads customers,
      SubscriptionReads subscriptions,
      UserReads users,
      ServiceRequests requests) {
    return new RouteTable()
        .get("/v1/auditrecords", APP_AND_USER, c -> resources.auditRecords(c.request()))
        .get("/v1/customers", APP_AND_USER, c -> resources.listCustomers(c.request()))
        .get("/v1/customers/all/validations", APP_AND_USER, c -> resources.validationCodes())
        .get("/v1/customers/{id}", APP_AND_USER, c -> customers.customer(c.var("id")))
        .get(
            "/v1/customers/{id}/qualification",
            APP_AND_USER,
            c -> resources.legacyQualification(c.var("id")))
        .add(
            "PUT",
            "/v1/customers/{id}/qualification",
            USER_ONLY,
            c -> resources.updateLegacyQualification(c.var("id"), c.request()))
        .get(
            "/v1/customers/{id}/qualifications",
            APP_AND_USER,
            c -> resources.qualifications(c.var("id")))
        .add(
            "POST",
            "/v1/customers/{id}/qualifications",
            USER_ONLY,
            c -> resources.createQualification(c.var("id"), c.request()))
        .get(
            "/v1/customers/{id}/profiles/company",
            USER_ONLY,
            c -> customers.companyProfile(c.var("id")))
        .get(
            "/v1/customers/{id}/profiles/billing",
            APP_AND_USER,
            c -> customers.billingProfile(c.var("id")))
        .get(
            "/v1/customers/{id}/relationships",
            USER_ONLY,
            c -> customers.relationships(c.var("id")))
        .get(
            "/v1/relationships",
            USER_ONLY,
            c -> IndirectPartners.ofPartner(c.query("relationship_type")))
        .get(
            "/v1/customers/{id}/validationStatus",
            USER_ONLY,
            c -> customers.accountStatus(c.var("id"), c.query("type")))
        .get(
            "/v1/customers/{id}/subscriptions",
            APP_AND_USER,
            c -> subscriptions.list(c.var("id"), c))
        .get(
            "/v1/customers/{id}/subscriptions/{subscription}",
            APP_AND_USER,
            c -> subscriptions.one(c.var("id"), c.var("subscription")))
        .get(
            "/v1/customers/{id}/subscribedskus",
            USER_ONLY,
            c -> subscriptions.subscribedSkus(c.var("id"), c))
        .get("/v1/customers/{id}/users", USER_ONLY, c -> users.list(c.var("id"), c.request()))
        .get(
            "/v1/customers/{id}/users/{user}",
            USER_ONLY,
            c -> users.one(c.var("id"), c.var("user")))
        .get(
            "/v1/customers/{id}/users/{user}/directoryroles",
            USER_ONLY,
            c -> users.directoryRoles(c.var("id"), c.var("user")))
        .get("/v1/servicerequests", USER_ONLY, c -> requests.partnerList(c.request()))
        .retired("GET", "/v1/servicerequests/supporttopics", c -> ServiceRequests.retired())
        .get("/v1/servicerequests/{id}", USER_ONLY, c -> requests.one(c.var("id")))
        .retired("POST", "/v1/servicerequests/{locale}", c -> ServiceRequests.retired())
        .get(
            "/v1/customers/{id}/servicerequests",
            USER_ONLY,
            c -> requests.customerList(c.var("id"), c.request()))
        .get("/v1/profiles/organization", USER_ONLY, c -> PartnerProfiles.organization())
        .get("/v1/profiles/mpn", USER_ONLY, c -> PartnerProfiles.mpn(c.query("mpnId")));
  }
}

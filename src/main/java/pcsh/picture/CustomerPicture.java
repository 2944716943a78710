package pcsh.picture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import pcsh.api.CustomerResources;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.Resource;
import pcsh.api.ResourcePage;

/**
 * The customer beyond its qualification (spec 17 to 22): profiles, relationships, subscriptions,
 * licences, users, account status and service requests, read as the service sends them. A 403 that
 * pcsh can explain (an app-only token, a missing GDAP role) becomes a {@link pcsh.failure.Failure}
 * that says so; anything else arrives as the service's error.
 */
public final class CustomerPicture {

  /** Service requests asked for at a time (offset paging, spec 22). */
  static final int SERVICE_REQUESTS_PAGE = 100;

  /** Pages of service requests read at most: a guard against a service that ignores the offset. */
  static final int MAX_PAGES = 100;

  /** The company profile, the billing profile, and the customer they belong to. */
  public record Profile(Resource company, Resource billing, Resource customer) {}

  /** A user and its directory roles. */
  public record User(Resource user, List<Resource> roles) {}

  /** Which of the partner's own indirect relationships to list (spec 18). */
  public enum PartnerType {
    PROVIDER("IsIndirectCloudSolutionProviderOf"),
    RESELLER("IsIndirectResellerOf");

    private final String wire;

    PartnerType(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  private final CustomerResources api;
  private final BooleanSupplier appOnly;

  /**
   * @param appOnly whether pcsh is signed in with an app-only token (asked only after a 403)
   */
  public CustomerPicture(PartnerCenterClient client, BooleanSupplier appOnly) {
    this.api = new CustomerResources(client);
    this.appOnly = appOnly;
  }

  public Resource customer(String customerId) {
    return read(Read.CUSTOMER, () -> api.customer(customerId));
  }

  /** The company and billing profiles, and the customer for its custom domains. */
  public Profile profile(String customerId) {
    Resource company = read(Read.COMPANY_PROFILE, () -> api.companyProfile(customerId));
    Resource billing = read(Read.BILLING_PROFILE, () -> api.billingProfile(customerId));
    return new Profile(company, billing, customer(customerId));
  }

  public List<Resource> relationships(String customerId) {
    return read(Read.RELATIONSHIPS, () -> api.relationships(customerId));
  }

  public List<Resource> partnerRelationships(PartnerType type) {
    return read(Read.PARTNER_RELATIONSHIPS, () -> api.partnerRelationships(type.wire()));
  }

  /**
   * The customer's subscriptions, those of {@code orderId} or of the reseller {@code mpnId} (at
   * most one of the two), with {@code status} when given (compared in any case, locally: the
   * service documents no status filter).
   */
  public List<Resource> subscriptions(
      String customerId, String status, String orderId, String mpnId) {
    List<Resource> all =
        read(Read.SUBSCRIPTIONS, () -> api.subscriptions(customerId, orderId, mpnId));
    if (status == null) return all;
    return all.stream().filter(s -> SubscriptionStatus.of(s).equalsIgnoreCase(status)).toList();
  }

  public Resource subscription(String customerId, String subscriptionId) {
    return read(Read.SUBSCRIPTION, () -> api.subscription(customerId, subscriptionId));
  }

  /**
   * The customer's subscribed SKUs.
   *
   * @param group {@code Group1} or {@code Group2}; null for the service's default
   */
  public List<Resource> licences(String customerId, String group) {
    return read(Read.LICENCES, () -> api.subscribedSkus(customerId, group));
  }

  /** The first page of users (500), or of those deleted in the last 30 days. */
  public ResourcePage users(String customerId, boolean deleted) {
    return read(Read.USERS, () -> api.users(customerId, CustomerResources.USERS_PAGE, deleted));
  }

  /** The page of users after {@code page}; empty after the last. */
  public Optional<ResourcePage> nextUsers(String customerId, ResourcePage page) {
    return read(Read.USERS, () -> api.nextUsers(customerId, page));
  }

  public User user(String customerId, String userId) {
    Resource user = read(Read.USER, () -> api.user(customerId, userId));
    return new User(user, read(Read.DIRECTORY_ROLES, () -> api.directoryRoles(customerId, userId)));
  }

  /** The account validation status; none (not a failure) for the service's 404 with 600074. */
  public AccountStatus accountStatus(String customerId) {
    try {
      return new AccountStatus(Optional.of(api.accountStatus(customerId)));
    } catch (PartnerCenterException e) {
      if (e.status() == 404 && e.errorCode().map(c -> c.strip().equals("600074")).orElse(false))
        return AccountStatus.none();
      throw Refusals.explain(e, Read.ACCOUNT_STATUS, appOnly);
    }
  }

  /**
   * Every service request of the customer, or of the partner when {@code customerId} is null, that
   * {@code keep} keeps: read page by page (offset paging) until a page comes back short.
   */
  public List<Resource> serviceRequests(String customerId, Predicate<Resource> keep) {
    List<Resource> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int offset = 0;
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      int from = offset;
      List<Resource> items =
          read(
                  Read.SERVICE_REQUESTS,
                  () -> api.serviceRequests(customerId, from, SERVICE_REQUESTS_PAGE))
              .items();
      boolean fresh = false;
      for (Resource r : items) {
        String id = r.text("id");
        if (id != null && !seen.add(id)) continue; // a service that ignores offset repeats a page
        fresh = true;
        if (keep.test(r)) out.add(r);
      }
      if (!fresh || items.size() < SERVICE_REQUESTS_PAGE) break;
      offset += items.size();
    }
    return out;
  }

  public Resource serviceRequest(String requestId) {
    return read(Read.SERVICE_REQUEST, () -> api.serviceRequest(requestId));
  }

  private <T> T read(Read read, Supplier<T> call) {
    try {
      return call.get();
    } catch (PartnerCenterException e) {
      throw Refusals.explain(e, read, appOnly);
    }
  }
}

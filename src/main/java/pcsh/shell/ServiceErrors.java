package pcsh.shell;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.api.PartnerCenterException;

/**
 * {@link ErrorReport}'s part for Partner Center error codes whose meaning the code (with its
 * status, and the path) tells: what is missing, in words, and the next step (spec 17, 18). Only a
 * 403 or a 404 is read this way.
 */
final class ServiceErrors {

  /** What an error means and what to do. */
  record Known(String meaning, String next) {}

  private static final Pattern CUSTOMER =
      Pattern.compile(
          "(?i)/v1/customers/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  private ServiceErrors() {}

  static Optional<Known> known(PartnerCenterException p) {
    String code = p.errorCode().map(String::strip).orElse("");
    String url = p.url() == null ? "" : p.url();
    int status = p.status();
    return switch (status == 403 || status == 404 ? code : "") {
      case "20002" ->
          status != 403
              ? Optional.empty()
              : Optional.of(
                  new Known(
                      "Partner Center has no relationship between the partner and "
                          + customer(url)
                          + " (error 20002), so the signed-in partner cannot read or change it.",
                      "check that this customer is one of yours (`customers list --name <prefix>`); a"
                          + " customer of another partner, or one whose reseller relationship ended,"
                          + " cannot be read."));
      case "1002" ->
          status == 403 && url.toLowerCase(java.util.Locale.ROOT).endsWith("/relationships")
              ? Optional.of(
                  new Known(
                      "Authorization Failed (error 1002): on relationships this usually means the"
                          + " signed-in partner is not an indirect provider or indirect reseller,"
                          + " so it has no indirect relationships to list.",
                      "a direct-bill partner has none; check the partner's type in Partner Center"
                          + " (Account settings > Partner profile)."))
              : Optional.empty();
      case "20003" ->
          status != 404
              ? Optional.empty()
              : Optional.of(
                  new Known(
                      "no such subscription for this customer (error 20003).",
                      "`subscriptions list` lists the customer's subscriptions and their ids."));
      case "60002" ->
          status != 404
              ? Optional.empty()
              : Optional.of(
                  new Known(
                      "no such user in the customer's tenant (error 60002).",
                      "`users list` lists the customer's users and their ids."));
      default ->
          status == 404
                  && url.toLowerCase(java.util.Locale.ROOT).matches(".*/v1/servicerequests/[^/]+")
              ? Optional.of(
                  new Known(
                      "no such service request"
                          + p.errorCode().map(c -> " (error " + c + ")").orElse("")
                          + ".",
                      "`service-requests list` lists the service requests and their ids."))
              : Optional.empty();
    };
  }

  /** "customer <id>" from the request's path, or "this customer". */
  private static String customer(String url) {
    Matcher m = CUSTOMER.matcher(url);
    return m.find() ? "customer " + m.group(1) : "this customer";
  }
}

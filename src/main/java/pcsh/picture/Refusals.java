package pcsh.picture;

import java.util.function.BooleanSupplier;
import pcsh.api.PartnerCenterException;
import pcsh.failure.Failure;

/**
 * What a 403 on one of the picture's reads means, where pcsh can tell: an app-only token on an
 * App+User-only endpoint (pcsh knows how it signed in), or a missing GDAP role (spec 23 names them
 * per read). Other failures, 20002 (no relationship) and 1002 among them, go on unchanged: the
 * error report names those from the error code alone.
 */
final class Refusals {

  private Refusals() {}

  static RuntimeException explain(PartnerCenterException e, Read read, BooleanSupplier appOnly) {
    if (e.status() != 403 || e.kind() != PartnerCenterException.Kind.RESPONSE) return e;
    String code = e.errorCode().map(String::strip).orElse("");
    if (code.equals("20002") || code.equals("900421")) return e;
    String target = e.method() + " " + e.url() + " failed with HTTP 403 Forbidden: ";
    if (read.appUserOnly() && appOnly.getAsBoolean()) {
      return new Failure(
          Failure.Kind.AUTH,
          target
              + "Partner Center reads "
              + read.what()
              + " for App+User tokens only, and pcsh is signed in app-only (a service"
              + " principal's token: application roles, no delegated scope).",
          "sign in as a user of the partner tenant (`login`, or `login --browser`); `whoami` shows"
              + " how pcsh is signed in.",
          e);
    }
    if (!read.roles().isEmpty() && !code.equals("1002")) {
      return new Failure(
          Failure.Kind.AUTH,
          target
              + "reading "
              + read.what()
              + " needs one of these GDAP roles in the customer's tenant: "
              + Read.either(read.roles())
              + ".",
          "`customer access` shows the partner's GDAP relationships with the customer; in Partner"
              + " Center, request a relationship with one of these roles and assign it to a"
              + " security group your account is in.",
          e);
    }
    return e;
  }
}

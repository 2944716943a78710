package pcsh.auth;

import com.microsoft.aad.msal4j.InteractionRequiredExceptionReason;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.auth.SignInException.Reason;

/**
 * Turns what MSAL throws into a {@link SignInException} whose reason decides the user's next step.
 */
final class Failures {

  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
  private static final Set<String> MFA = Set.of("50076", "50078", "50079", "50074", "50072");
  private static final Set<String> BAD_CLIENT = Set.of("7000215", "7000222", "700027", "700023");

  private Failures() {}

  static SignInException map(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof SignInException s) return s;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.io.IOException io) {
        return new SignInException(
            Reason.UNREACHABLE,
            "Could not reach Entra ID: "
                + oneLine(
                    io.getClass().getSimpleName()
                        + (io.getMessage() == null ? "" : " " + io.getMessage()))
                + ".",
            null);
      }
    }
    if (!(t instanceof MsalException m)) {
      return new SignInException(
          Reason.OTHER,
          "Signing in failed: "
              + oneLine(
                  t.getClass().getSimpleName()
                      + (t.getMessage() == null ? "" : ": " + t.getMessage())),
          null);
    }
    String text = m.getMessage() == null ? "" : m.getMessage();
    Matcher am = AADSTS.matcher(text);
    String aadsts = am.find() ? am.group(1) : null;
    String code = m.errorCode() == null ? "" : m.errorCode();
    String correlation = m instanceof MsalServiceException s ? s.correlationId() : null;
    String detail =
        (aadsts != null ? "AADSTS" + aadsts : code.isEmpty() ? "no error code" : code)
            + (correlation == null ? "" : ", correlation id " + correlation);
    Reason reason;
    if (aadsts != null && MFA.contains(aadsts)) {
      reason = Reason.MFA_REQUIRED;
    } else if ("7000218".equals(aadsts)) {
      reason = Reason.CLIENT_SECRET_REQUIRED;
    } else if ("65001".equals(aadsts)
        || "consent_required".equals(code)
        || (m instanceof MsalInteractionRequiredException i
            && i.reason() == InteractionRequiredExceptionReason.CONSENT_REQUIRED)) {
      reason = Reason.CONSENT_REQUIRED;
    } else if ("expired_token".equals(code)
        || "code_expired".equals(code)
        || "70020".equals(aadsts)) {
      reason = Reason.DEVICE_CODE_EXPIRED;
    } else if ("invalid_client".equals(code) || (aadsts != null && BAD_CLIENT.contains(aadsts))) {
      reason = Reason.INVALID_CLIENT;
    } else if ("invalid_grant".equals(code) || m instanceof MsalInteractionRequiredException) {
      reason = Reason.INVALID_GRANT;
    } else {
      reason = Reason.OTHER;
    }
    return new SignInException(reason, "Entra ID: " + summary(text), detail);
  }

  /** The error description up to its trace ids (given separately), on one line. */
  private static String summary(String text) {
    String s = oneLine(text);
    int cut = s.indexOf(" Trace ID:");
    if (cut > 0) s = s.substring(0, cut);
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }

  static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }
}

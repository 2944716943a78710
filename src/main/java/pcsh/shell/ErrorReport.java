package pcsh.shell;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.shell.CommandNotCurrentlyAvailable;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;
import pcsh.api.NotSignedInException;
import pcsh.api.PartnerCenterException;
import pcsh.auth.SignInException;
import pcsh.failure.Failure;
import pcsh.graph.GraphException;
import pcsh.output.Text;

/**
 * The one place that turns a failure into what the user reads and the exit code: what failed and
 * why, the service's status, error code and description, the MS-CorrelationId and MS-RequestId
 * support asks for, and the next step. No stack traces. (Past 300 lines because it is the one
 * place: every kind of failure has its message and next step here.)
 */
public record ErrorReport(ExitCode exitCode, String text) {

  public static ErrorReport of(Throwable e) {
    if (e instanceof Failure p) {
      return block(
          exitCode(p.kind()),
          p.getMessage(),
          p.getCause() instanceof PartnerCenterException call
              ? ids(call)
              : p.getCause() instanceof GraphException g ? GraphErrors.ids(g) : List.of(),
          p.nextStep());
    }
    if (e instanceof PartnerCenterException p) return service(p);
    if (e instanceof GraphException g) return GraphErrors.report(g);
    if (e instanceof NotSignedInException) {
      return block(
          ExitCode.AUTH,
          "Not signed in, so nothing was sent.",
          List.of(),
          "run `login` (with the embedded emulator it signs you in as the demo partner).");
    }
    if (e instanceof SignInException s) return signIn(s);
    if (e instanceof CommandParserExceptionsException p) {
      List<String> raw =
          p.getParserExceptions().stream()
              .map(x -> Text.oneLine(String.valueOf(x.getMessage())))
              .toList();
      if (raw.stream().anyMatch(m -> m.contains("to type [boolean]"))) {
        // a value after a switch such as --token or --refresh-token: likely a secret typed as an
        // argument
        return block(
            ExitCode.USAGE,
            "Invalid command line: a switch such as --token, --refresh-token or --yes takes"
                + " no value (the value given is not shown).",
            List.of(),
            "pcsh never takes secrets as arguments: use PCSH_ACCESS_TOKEN, PCSH_REFRESH_TOKEN, PCSH_CLIENT_SECRET or"
                + " the hidden prompt; `help <command>` lists the options.");
      }
      String msgs =
          raw.stream()
              .map(
                  m ->
                      SecretFilteringHistory.looksSecret(m)
                          ? m.replaceAll("'[^']*'", "'(not shown)'")
                              .replaceAll("\\[[^\\]]*\\]", "(not shown)")
                          : m)
              .collect(Collectors.joining("; "));
      return block(
          ExitCode.USAGE,
          "Invalid command line: " + msgs,
          List.of(),
          "run `help <command>` to see its options.");
    }
    if (e instanceof CommandNotFound c) return commandNotFound(c.getWords());
    if (e instanceof CommandNotCurrentlyAvailable u) {
      return block(
          ExitCode.USAGE,
          "'" + u.getCommand() + "' is not available: " + u.getAvailability().getReason() + ".",
          List.of(),
          "start pcsh without --read-only (and pcsh.read-only=false) to change qualifications.");
    }
    String what =
        e.getMessage() == null ? e.getClass().getSimpleName() : Text.oneLine(e.getMessage());
    return block(
        ExitCode.FAILURE,
        "pcsh failed unexpectedly: " + what,
        List.of(),
        "try again; if it keeps failing, report it with the command you ran.");
  }

  /** The one mapping of a failure's kind to the documented exit codes. */
  static ExitCode exitCode(Failure.Kind kind) {
    return switch (kind) {
      case USAGE -> ExitCode.USAGE;
      case NOT_FOUND -> ExitCode.NOT_FOUND;
      case REFUSED -> ExitCode.REFUSED;
      case AUTH -> ExitCode.AUTH;
      case FAILED -> ExitCode.FAILURE;
    };
  }

  /** Each sign-in failure that needs the user gets its own message and next step; all exit 4. */
  static ErrorReport signIn(SignInException s) {
    String said = Text.oneLine(s.getMessage());
    SignInMessages.Message m = SignInMessages.of(s.reason(), said);
    String headline = m.headline();
    String next = m.next();
    List<String> details = new java.util.ArrayList<>();
    if (!headline.equals(said)) details.add(said);
    s.detail().ifPresent(d -> details.add("Entra ID error: " + Text.oneLine(d)));
    return block(ExitCode.AUTH, headline, details, next);
  }

  /**
   * {@code qualify none} and friends get a message about qualifications, not just "no such
   * command".
   */
  public static ErrorReport commandNotFound(List<String> words) {
    String line = Text.oneLine(String.join(" ", words));
    if (words.size() >= 2 && words.get(0).equalsIgnoreCase("qualify")) {
      String kind = words.get(1).toLowerCase(Locale.ROOT);
      if (kind.equals("none") || kind.equals("nonprofit")) {
        return block(
            ExitCode.USAGE,
            "A customer's qualification cannot be set to "
                + words.get(1)
                + ": only Education, GovernmentCommunityCloud and StateOwnedEntity can be set, and once set a"
                + " qualification cannot be removed.",
            List.of(),
            "use `qualify education`, `qualify gcc --code <validationId>` or `qualify soe`.");
      }
      return block(
          ExitCode.USAGE,
          "Unknown qualification '" + Text.oneLine(words.get(1)) + "'.",
          List.of(),
          "use `qualify education`, `qualify gcc --code <validationId>` or `qualify soe`.");
    }
    return block(
        ExitCode.USAGE,
        "No command '" + line + "'.",
        List.of(),
        "run `help` to list the commands.");
  }

  private static ErrorReport service(PartnerCenterException p) {
    ExitCode code;
    String next;
    String headline;
    String target = p.method() + " " + p.url();
    String unusual = unusual(p, target);
    if (unusual != null) {
      return block(
          ExitCode.FAILURE,
          unusual,
          ids(p),
          p.kind() == PartnerCenterException.Kind.NOT_SENT
              ? "check pcsh.base-url; if it is right, report this with the command you ran."
              : p.kind() == PartnerCenterException.Kind.REDIRECT
                  ? "check pcsh.base-url (Partner Center is https://api.partnercenter.microsoft.com);"
                      + " a proxy or gateway may be redirecting. A write that was redirected was not"
                      + " applied."
                  : "the answer does not look like Partner Center's, so a proxy or gateway may have"
                      + " answered: check pcsh.base-url and any proxy, and run the command again with"
                      + " --debug to see the answer. For a write, `qualification show` tells whether"
                      + " it took effect.");
    }
    if (p.status() == 0) {
      code = ExitCode.FAILURE;
      headline = target + " failed: " + p.description() + " (no complete answer came).";
      next =
          p.kind() == PartnerCenterException.Kind.TIMEOUT
              ? "try again; for a write, run `qualification show` first to see whether it took effect."
              : p.kind() == PartnerCenterException.Kind.CANCELLED
                  ? "nothing more was sent; for a write, run `qualification show` to see whether it took effect."
                  : "check pcsh.base-url and the network, then try again.";
      return block(code, headline, ids(p), next);
    }
    headline = target + " failed with HTTP " + p.status() + reason(p.status()) + ".";
    int s = p.status();
    if ((s == 401 || s == 403) && mfaFault(p)) {
      code = ExitCode.AUTH;
      headline =
          target
              + " failed with HTTP "
              + s
              + reason(s)
              + ": Partner Center refused the token because its sign-in did not use multi-factor"
              + " authentication (the token's amr claim has no mfa; required for App+User calls since"
              + " April 1, 2026).";
      next =
          "sign in again with MFA: run `login` (or `login --browser`) and complete the MFA prompt; a"
              + " secure-application-model refresh token must come from a sign-in that used MFA."
              + " `doctor` checks the token's claims without sending it anywhere.";
    } else if (ServiceErrors.known(p).isPresent()) {
      ServiceErrors.Known k = ServiceErrors.known(p).get();
      code =
          s == 401 || s == 403
              ? ExitCode.AUTH
              : s == 404 ? ExitCode.NOT_FOUND : s >= 500 ? ExitCode.FAILURE : ExitCode.REFUSED;
      headline = target + " failed with HTTP " + s + reason(s) + ": " + k.meaning();
      next = k.next();
    } else if (s == 401 || s == 403) {
      code = ExitCode.AUTH;
      next =
          s == 401
              ? "sign in again: run `login` (a PCSH_ACCESS_TOKEN may have expired)."
              : "the signed-in account may not manage this customer, or lacks the role; check it in Partner Center.";
    } else if (s == 404) {
      code = ExitCode.NOT_FOUND;
      next =
          p.url().contains("/customers/")
              ? "check the customer id: `customers list --name <prefix>` finds it."
              : "check the path and the ids in it; `help api` lists the endpoints pcsh knows.";
    } else if (s == 429) {
      code = ExitCode.FAILURE;
      next =
          "the service is throttling requests; wait"
              + p.retryAfterSeconds().map(r -> " " + r + " s").orElse(" a minute")
              + " and try again.";
    } else if (s == 408 || s >= 500) {
      code = ExitCode.FAILURE;
      next =
          p.errorCode().isEmpty() && p.description().startsWith("the answer is ")
              ? "the answer is not Partner Center's JSON, so a proxy or gateway may have answered:"
                  + " try again later, and if it persists check pcsh.base-url and any proxy."
              : "try again later; if it persists, give Partner Center support the ids above.";
    } else {
      code = ExitCode.REFUSED;
      boolean qualification = p.url().matches("(?i).*/qualifications?");
      next =
          s == 409 && qualification
              ? "the customer already has this qualification: see `qualification show`."
              : qualification
                  ? "check the request against the rules in `help qualify`; `qualification show` shows the customer's state."
                  : "the service refused the request as it was sent: the error above says why; check"
                      + " its path, fields and headers (--dry-run shows them).";
    }
    return block(code, headline, ids(p), next);
  }

  /**
   * The headline of an answer pcsh could not use, a redirect, or a request it did not send; null
   * for an ordinary error response or no answer.
   */
  private static String unusual(PartnerCenterException p, String target) {
    String status = p.status() > 0 ? "HTTP " + p.status() + reason(p.status()) : "";
    return switch (p.kind()) {
      case UNREADABLE ->
          target
              + " got "
              + (status.isEmpty() ? "" : status + " with ")
              + "an answer pcsh cannot use: "
              + p.description()
              + ".";
      case REDIRECT -> target + " was answered with " + status + ": " + p.description() + ".";
      case NOT_SENT -> target + " was not sent: " + p.description() + ".";
      default -> null;
    };
  }

  private static final java.util.regex.Pattern MFA =
      java.util.regex.Pattern.compile("(?i)\\bMFA\\b|multi-?factor");

  /**
   * Partner Center's fault for a token whose sign-in did not use MFA: error code 900421 (as
   * partners report it; Microsoft publishes no body) or a description that speaks of MFA.
   */
  private static boolean mfaFault(PartnerCenterException p) {
    return p.errorCode().map(String::strip).filter("900421"::equals).isPresent()
        || MFA.matcher(p.description() == null ? "" : p.description()).find()
        || MFA.matcher(p.errorCode().orElse("")).find();
  }

  private static List<String> ids(PartnerCenterException p) {
    String error =
        p.status() == 0 || p.kind() != PartnerCenterException.Kind.RESPONSE
            ? null
            : "Partner Center error "
                + p.errorCode().orElse("(no code)")
                + ": "
                + Text.oneLine(p.description());
    return java.util.stream.Stream.of(
            error,
            "MS-CorrelationId: " + orNone(p.correlationId()),
            "MS-RequestId:     " + orNone(p.requestId()),
            "Time (UTC):       "
                + DateTimeFormatter.ISO_INSTANT.format(p.time().truncatedTo(ChronoUnit.SECONDS)))
        .filter(x -> x != null)
        .toList();
  }

  private static String orNone(String s) {
    return s == null ? "(none)" : Text.oneLine(s);
  }

  static ErrorReport block(ExitCode code, String headline, List<String> details, String next) {
    StringBuilder b = new StringBuilder("Error: ").append(headline).append('\n');
    for (String d : details) b.append("  ").append(d).append('\n');
    if (next != null) b.append("  Next: ").append(next).append('\n');
    // the one redactor: a service description or a message must never carry a token or code onward
    return new ErrorReport(code, pcsh.session.Redactor.shared().text(b.toString()));
  }

  /** The reason phrase of an HTTP status, with a leading blank ({@code " Not Found"}). */
  public static String reason(int status) {
    return switch (status) {
      case 200 -> " OK";
      case 201 -> " Created";
      case 202 -> " Accepted";
      case 204 -> " No Content";
      case 400 -> " Bad Request";
      case 401 -> " Unauthorized";
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 405 -> " Method Not Allowed";
      case 301 -> " Moved Permanently";
      case 302 -> " Found";
      case 303 -> " See Other";
      case 307 -> " Temporary Redirect";
      case 308 -> " Permanent Redirect";
      case 409 -> " Conflict";
      case 429 -> " Too Many Requests";
      case 500 -> " Internal Server Error";
      case 502 -> " Bad Gateway";
      case 503 -> " Service Unavailable";
      case 504 -> " Gateway Timeout";
      default -> "";
    };
  }
}

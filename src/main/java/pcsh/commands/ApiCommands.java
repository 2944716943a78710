package pcsh.commands;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.shell.AvailabilityProvider;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import pcsh.failure.Failure;
import pcsh.output.OutputFormat;
import pcsh.raw.ApiCall;
import pcsh.raw.ApiInput;
import pcsh.raw.ApiRequests;
import pcsh.raw.Curl;
import pcsh.session.Redactor;
import pcsh.session.SelectedCustomer;
import pcsh.session.SessionHolder;
import pcsh.shell.ScriptMode;
import pcsh.shell.SharedOptions;
import pcsh.shell.StreamedOutput;
import pcsh.shell.Ui;
import pcsh.values.Values;

/**
 * {@code api}: any Partner Center or Microsoft Graph request, with pcsh's sign-in, ids, retries,
 * paging, output formats and write safety (see {@code pcsh.raw}).
 */
@Command(group = "API")
public class ApiCommands {

  private final ApiRequests requests;
  private final SessionHolder session;
  private final Ui ui;
  private final ShellContext shellContext;
  private final ScriptMode script;
  private final AvailabilityProvider writes;
  private final Redactor redactor;

  ApiCommands(
      ApiRequests requests,
      SessionHolder session,
      Ui ui,
      ShellContext shellContext,
      ScriptMode script,
      @Qualifier("writeAvailability") AvailabilityProvider writes,
      Redactor redactor) {
    this.requests = requests;
    this.session = session;
    this.ui = ui;
    this.shellContext = shellContext;
    this.script = script;
    this.writes = writes;
    this.redactor = redactor;
  }

  @Command(
      command = "api",
      description =
          """
          Send any Partner Center (or Microsoft Graph) request, signed in, with pcsh's ids.
          PATH is relative to the base URL (/v1/customers, or v1/customers); {customer} in it is \
          --customer or the selected customer; an absolute URL must be on the base URL's origin. \
          -f/--raw-field key=value (text) and -F/--field key=value (true, false, null and numbers \
          typed; @file or @- reads JSON) make a JSON body, or a GET's query; --input FILE|- sends \
          a body as it is. The method is GET, or POST with fields or --input. The answer is \
          printed as received (JSON pretty-printed; on one line with -o json; -o yaml|csv|table \
          and --query work on a collection's items); on an error status the body is printed too \
          and the usual report (status, error code, ids) goes with it. --paginate follows \
          Partner Center's links.next (MS-ContinuationToken) and Graph's @odata.nextLink, and \
          prints the items of every page as one list. A write (POST, PUT, PATCH, DELETE) is \
          shown and confirmed (--yes skips that), journalled with its MS-RequestId, never sent \
          twice, and read back when its answer is lost; --dry-run prints it as curl and sends \
          nothing. --graph sends to Microsoft Graph with the Graph token.
          Usage: api [METHOD] PATH [-f KEY=VALUE]... [-F KEY=VALUE]... [-H 'NAME: VALUE']... [options]
          Example: api /v1/customers/{customer}/subscriptions
          Example: api --paginate /v1/customers -f size=500 -o csv
          Example: api /v1/customers/{customer}/subscriptions/{subscription-id}/provisioningstatus
          Example: api --graph /v1.0/tenantRelationships/delegatedAdminRelationships -o table
          Example: api PATCH /v1/servicerequests/616122 -f status=closed --dry-run
          See also: journal, debug, show-request""")
  String api(
      @Option(
              longNames = "path",
              label = "[METHOD] PATH",
              arity = OptionArity.ZERO_OR_MORE,
              description =
                  "the path (or a URL on the base URL's origin), after the method when it is given"
                      + " first: GET, POST, PUT, PATCH or DELETE")
          @OptionValues(provider = "apiPaths")
          String[] words,
      @Option(
              longNames = "method",
              shortNames = 'X',
              label = "METHOD",
              description =
                  "GET, POST, PUT, PATCH or DELETE (default: GET; POST with fields or --input)")
          @OptionValues(provider = "httpMethods")
          String method,
      @Option(
              longNames = "raw-field",
              shortNames = 'f',
              label = "KEY=VALUE",
              description = "a text field of the JSON body (or a GET's query); repeatable")
          String[] rawFields,
      @Option(
              longNames = "field",
              shortNames = 'F',
              label = "KEY=VALUE",
              description =
                  "a typed field: true, false, null, numbers; @file or @- a JSON value; repeatable")
          String[] fields,
      @Option(
              longNames = "input",
              label = "FILE",
              description = "the body, as it is, from a file (- for stdin)")
          String input,
      @Option(
              longNames = "header",
              shortNames = 'H',
              label = "'NAME: VALUE'",
              description =
                  "a request header (not Authorization, MS-CorrelationId, MS-RequestId); repeatable")
          String[] headers,
      @Option(
              longNames = "include",
              shortNames = 'i',
              description = "print the status line and the response headers first")
          boolean include,
      @Option(
              longNames = "paginate",
              description =
                  "follow every next page (GET only) and print all their items as one list")
          boolean paginate,
      @Option(
              longNames = "graph",
              description = "send to Microsoft Graph (pcsh.graph.base-url) with the Graph token")
          boolean graph,
      @Option(
              longNames = SharedOptions.CUSTOMER,
              description = "fills in {customer} (default: the selected customer)")
          String customer,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(
              longNames = SharedOptions.DRY_RUN,
              description = "print the request as curl (redacted) and send nothing")
          boolean dryRun,
      @Option(
              longNames = SharedOptions.OUTPUT,
              description =
                  "json (on one line), yaml, csv or table (default: the body as received)")
          String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    Optional<OutputFormat> format =
        output == null
            ? Optional.empty()
            : OutputFormat.parse(Values.choice("--output", output, OutputFormat.ids()));
    ApiView view = new ApiView(ui, redactor, format, Inputs.query(query), include);
    String customerId =
        customer == null ? null : Inputs.customerId(Inputs.cleanValue("--customer", customer));
    ApiCall call =
        requests.plan(
            new ApiInput(
                words == null ? List.of() : Arrays.asList(words),
                method,
                rawFields == null ? List.of() : Arrays.asList(rawFields),
                fields == null ? List.of() : Arrays.asList(fields),
                input,
                headers == null ? List.of() : Arrays.asList(headers),
                paginate,
                include,
                graph,
                customerId,
                () -> session.get().customer().map(SelectedCustomer::id),
                this::stdin));
    if (dryRun) {
      ui.notice("Dry run: nothing was sent.\n");
      return Curl.of(call, requests.preview(call), redactor);
    }
    ApiRequests.Outcome outcome;
    if (call.write()) {
      Optional<String> refused = refusal(call, yes);
      if (refused.isPresent()) return refused.get();
      if (requests.unsettled()) requests.settle().forEach(l -> ui.notice(l + "\n"));
      outcome = requests.write(call);
    } else {
      outcome = requests.read(call);
      if (paginate && outcome.failure() == null) {
        return page(new ApiPages(requests, view, ui).print(call, outcome));
      }
    }
    String text = outcome.answer() == null ? "" : view.text(outcome.answer());
    if (outcome.notice() != null) ui.notice(outcome.notice());
    if (outcome.failure() == null) return page(text);
    if (!text.isEmpty()) {
      // the body goes out before the report, as the data of the command
      StreamedOutput out = ui.stream();
      out.print(text);
      out.close();
    }
    throw outcome.failure();
  }

  /**
   * A write needs a person's yes (or --yes) and a shell that is not read-only; the answer when it
   * is not to be sent, empty when it may go.
   */
  private Optional<String> refusal(ApiCall call, boolean yes) {
    if (!writes.get().isAvailable()) {
      throw Failure.usage(
          "The " + call.method() + " was not sent: " + writes.get().getReason() + ".",
          "start pcsh without --read-only (and pcsh.read-only=false) to send writes; GET requests"
              + " work in read-only mode.");
    }
    if (yes) return Optional.empty();
    if (ui.noTerminal()) {
      throw Failure.usage(
          "Not sending the "
              + call.method()
              + " without confirmation, and there is no terminal to ask on.",
          "add --yes to confirm, or --dry-run to only see the request.");
    }
    ui.print(
        "Request:  "
            + call.method()
            + " "
            + redactor.url(call.url())
            + "\n"
            + call.bodyText().map(b -> "Body:     " + redactor.text(b) + "\n").orElse(""));
    if (!ui.confirm("Send this " + call.method() + "?")) {
      return Optional.of("Cancelled; nothing was sent.");
    }
    return Optional.empty();
  }

  private String page(String text) {
    if (text == null || text.isEmpty()) return null;
    return ui.page(text.stripTrailing(), "api");
  }

  /** Standard input, when it is not where the commands come from. */
  private InputStream stdin() {
    if (script.active() || shellContext.getInteractionMode() == InteractionMode.INTERACTIVE) {
      throw Failure.usage(
          "Standard input holds the commands here (the interactive shell, or a script), so a body"
              + " cannot be read from it.",
          "give the body from a file: --input FILE or -F key=@FILE.");
    }
    return System.in;
  }
}

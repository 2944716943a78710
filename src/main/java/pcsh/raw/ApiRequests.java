package pcsh.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import pcsh.api.NotSignedInException;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.RawClient;
import pcsh.auth.GraphToken;
import pcsh.failure.Failure;
import pcsh.graph.GraphException;
import pcsh.output.Text;
import pcsh.qualification.WriteJournal;
import pcsh.session.TestPause;

/**
 * What {@code api} sends, and how: a read as any read (retried on 429 and 5xx), a write as
 * carefully as a qualification write: journalled before it is sent (MS-RequestId, method, path,
 * body), never sent twice, its outcome journalled; when its answer is lost (no answer, or a 5xx
 * that says nothing of the service behind a gateway) the resource is read back where pcsh knows
 * one, and the journal says "unknown outcome" where it does not. Journalled writes left without an
 * outcome are settled the same way ({@link #settle}).
 */
public final class ApiRequests {

  /**
   * How a request ended: its answer (null when none came), a notice for the user (a lost answer
   * read back as applied), and the failure to report after the answer is printed (null when none).
   */
  public record Outcome(RawClient.Answer answer, String notice, RuntimeException failure) {}

  private final Supplier<RawClient> partnerCenter;
  private final Supplier<RawClient> graph;
  private final Supplier<GraphToken> graphToken;
  private final WriteJournal journal;

  /**
   * @param partnerCenter and {@code graph}: made when first needed (they make a JSON mapper)
   */
  public ApiRequests(
      Supplier<RawClient> partnerCenter,
      Supplier<RawClient> graph,
      Supplier<GraphToken> graphToken,
      WriteJournal journal) {
    this.partnerCenter = partnerCenter;
    this.graph = graph;
    this.graphToken = graphToken;
    this.journal = journal;
  }

  /** The client a request goes through. */
  public RawClient client(boolean toGraph) {
    return toGraph ? graph.get() : partnerCenter.get();
  }

  /** Checks what was given and makes the request; a usage failure when it cannot be sent. */
  public ApiCall plan(ApiInput in) {
    return new ApiPlanner(client(in.graph()), () -> otherBase(!in.graph())).plan(in);
  }

  /** The other client's base URL, to say so when a URL is meant for it; null when there is none. */
  private String otherBase(boolean toGraph) {
    try {
      return client(toGraph).baseUrl();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The headers {@code call} would carry, the token as its variable, for {@code --dry-run}. */
  public Map<String, List<String>> preview(ApiCall call) {
    return client(call.graph()).preview(call.headers(), PartnerCenterClient.newRequestId());
  }

  /**
   * The request for the page after {@code page} (answered to {@code current}) of the listing that
   * {@code first} started; empty on the last page. A link to another origin, or back to the page
   * just read, stops the listing (a failure; nothing is sent).
   */
  public Optional<ApiCall> next(ApiCall first, ApiCall current, JsonNode page) {
    return NextPage.after(client(first.graph()), first, current, page);
  }

  /** A GET: sent, retried as every read; its answer, whatever the status. */
  public Outcome read(ApiCall call) {
    RawClient.Answer a = send(call, PartnerCenterClient.newRequestId());
    return new Outcome(a, null, a.ok() ? null : a.failure());
  }

  /**
   * A write: journalled, sent once, its outcome journalled; a lost answer read back where pcsh can.
   */
  public Outcome write(ApiCall call) {
    String requestId = PartnerCenterClient.newRequestId();
    if (call.graph()) graphReady();
    TestPause.at("before-journal");
    journal.intent(
        requestId,
        call.graph() ? null : Endpoints.customerOf(call.resource()).orElse(null),
        new WriteJournal.ApiWrite(
            call.method(), call.path(), call.graph(), call.bodyText().orElse(null)));
    TestPause.at("journalled");
    RawClient.Answer a;
    try {
      a =
          client(call.graph())
              .send(call.method(), call.url(), call.headers(), call.body(), requestId);
    } catch (RuntimeException e) {
      if (!mayHaveTakenEffect(e)) {
        journal.outcome(requestId, WriteJournal.Result.FAILED, null, "not sent: " + describe(e));
        throw e;
      }
      return readBack(call, requestId, null, e);
    }
    TestPause.at("answered");
    if (a.ok()) {
      journal.outcome(requestId, WriteJournal.Result.APPLIED, "HTTP " + a.status(), null);
      return new Outcome(a, null, null);
    }
    RuntimeException failure = a.failure();
    if (a.status() < 500) {
      journal.outcome(requestId, WriteJournal.Result.FAILED, null, describe(failure));
      return new Outcome(a, null, failure);
    }
    return readBack(call, requestId, a, failure);
  }

  /**
   * The write got no usable answer, so it may or may not have been applied: never sent again, it is
   * settled by reading the resource back, where pcsh knows it.
   */
  private Outcome readBack(
      ApiCall call, String requestId, RawClient.Answer answer, RuntimeException failure) {
    String got =
        answer == null
            ? "no answer (" + Text.oneLine(describe(failure)) + ")"
            : "HTTP " + answer.status();
    String what = call.method() + " " + call.resource();
    String ids = " (" + idName(call) + " " + requestId + ")";
    if (!readable(call.method(), call.resource(), call.graph(), call.bodyText().isPresent())) {
      journal.outcome(
          requestId,
          WriteJournal.Result.UNKNOWN_OUTCOME,
          null,
          got + "; pcsh cannot read this path back");
      return new Outcome(
          answer,
          null,
          Failure.failed(
              "The "
                  + what
                  + " got "
                  + got
                  + ids
                  + ", and pcsh knows no way to read this path"
                  + " back, so whether it took effect is unknown (the journal says unknown"
                  + " outcome).",
              "look at the resource (e.g. with `api GET`) before sending the write again, so it is"
                  + " not made twice.",
              failure));
    }
    RawClient.Answer read;
    try {
      read = readResource(call.graph(), call.resource());
    } catch (RuntimeException e) {
      read = null;
    }
    if (read == null || (!read.ok() && read.status() != 404)) {
      journal.outcome(
          requestId, WriteJournal.Result.UNKNOWN, null, got + "; the read-back failed too");
      return new Outcome(
          answer,
          null,
          Failure.failed(
              "The "
                  + what
                  + " got "
                  + got
                  + ids
                  + ", and reading it back failed too, so whether"
                  + " it took effect is unknown.",
              "run `journal` later: it settles the write by reading it back; do not send it again"
                  + " before.",
              failure));
    }
    ReadBack.Verdict v =
        ReadBack.judge(call.method(), call.bodyText().orElse(null), read.status(), read.body());
    switch (v) {
      case APPLIED -> {
        journal.outcome(
            requestId, WriteJournal.Result.APPLIED_AFTER_NO_ANSWER, "read back: applied", got);
        return new Outcome(
            answer,
            "The " + what + " got " + got + ids + "; reading it back shows it took effect.\n",
            null);
      }
      case NOT_APPLIED -> {
        journal.outcome(
            requestId, WriteJournal.Result.NOT_APPLIED_AFTER_NO_ANSWER, "read back", got);
        return new Outcome(
            answer,
            null,
            Failure.failed(
                "The "
                    + what
                    + " got "
                    + got
                    + ids
                    + "; reading it back shows it did NOT take"
                    + " effect.",
                "it is safe to send it again.",
                failure));
      }
      default -> {
        journal.outcome(
            requestId,
            WriteJournal.Result.UNKNOWN_OUTCOME,
            null,
            got + "; reading it back does not show what the write sent");
        return new Outcome(
            answer,
            null,
            Failure.failed(
                "The "
                    + what
                    + " got "
                    + got
                    + ids
                    + ", and reading it back does not tell"
                    + " whether it took effect (the journal says unknown outcome).",
                "look at the resource before sending the write again, so it is not made twice.",
                failure));
      }
    }
  }

  /**
   * Writes sent with {@code api} that the journal holds without an outcome (pcsh stopped before the
   * answer), or with an unknown one: each is settled by reading its resource back where pcsh knows
   * one, else marked "unknown outcome" for good. A read that fails leaves it for the next time. One
   * line per entry settled.
   */
  public List<String> settle() {
    List<String> settled = new ArrayList<>();
    for (WriteJournal.Entry e : journal.pending()) {
      if (!e.raw()) continue;
      WriteJournal.ApiWrite w = e.api();
      String resource = resource(w.path());
      String what = "the write " + e.requestId() + " (" + w.method() + " " + resource + ")";
      if (!readable(w.method(), resource, w.graph(), w.body() != null)) {
        journal.outcome(
            e.requestId(),
            WriteJournal.Result.UNKNOWN_OUTCOME,
            null,
            "no outcome was recorded, and pcsh cannot read this path back");
        settled.add(
            "Journal: "
                + what
                + " had no known outcome, and pcsh cannot read its path back: unknown outcome.");
        continue;
      }
      RawClient.Answer read;
      try {
        read = readResource(w.graph(), resource);
      } catch (RuntimeException failure) {
        continue;
      }
      if (!read.ok() && read.status() != 404) continue;
      ReadBack.Verdict v = ReadBack.judge(w.method(), w.body(), read.status(), read.body());
      WriteJournal.Result r =
          switch (v) {
            case APPLIED -> WriteJournal.Result.RECONCILED_APPLIED;
            case NOT_APPLIED -> WriteJournal.Result.RECONCILED_NOT_APPLIED;
            case CANNOT_TELL -> WriteJournal.Result.UNKNOWN_OUTCOME;
          };
      journal.outcome(e.requestId(), r, null, "settled by reading " + resource + " back");
      settled.add(
          "Journal: "
              + what
              + " had no known outcome; reading it back "
              + switch (v) {
                case APPLIED -> "shows it took effect.";
                case NOT_APPLIED -> "shows it did NOT take effect.";
                case CANNOT_TELL -> "does not tell: unknown outcome.";
              });
    }
    return settled;
  }

  /** Whether the journal holds {@code api} writes to settle. */
  public boolean unsettled() {
    return journal.pending().stream().anyMatch(WriteJournal.Entry::raw);
  }

  private static boolean readable(String method, String resource, boolean graph, boolean body) {
    return Endpoints.readable(resource, graph) && (method.equals("DELETE") || body);
  }

  private RawClient.Answer readResource(boolean toGraph, String resource) {
    RawClient c = client(toGraph);
    return c.send(
        "GET", c.baseUrl() + resource, Map.of(), null, PartnerCenterClient.newRequestId());
  }

  private RawClient.Answer send(ApiCall call, String requestId) {
    if (call.graph()) graphReady();
    return client(call.graph())
        .send(call.method(), call.url(), call.headers(), call.body(), requestId);
  }

  /** A Graph request needs the Graph token; without one, why and what to do. */
  private void graphReady() {
    GraphToken t = graphToken.get();
    if (!t.available()) {
      throw new Failure(
          Failure.Kind.AUTH,
          "No Microsoft Graph token, so nothing was sent: " + t.problem(),
          t.next());
    }
  }

  private static String idName(ApiCall call) {
    return call.graph() ? "client-request-id" : "MS-RequestId";
  }

  private static String resource(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** Whether a request that ended with {@code e} may still have been carried out. */
  private static boolean mayHaveTakenEffect(RuntimeException e) {
    if (e instanceof PartnerCenterException p) return p.mayHaveTakenEffect();
    if (e instanceof GraphException g) return g.kind() == GraphException.Kind.NO_RESPONSE;
    return !(e instanceof NotSignedInException || e instanceof Failure);
  }

  private static String describe(RuntimeException e) {
    if (e instanceof PartnerCenterException p) {
      return (p.status() == 0 ? "" : "HTTP " + p.status() + " ")
          + p.errorCode().map(c -> c + " ").orElse("")
          + Text.oneLine(p.description());
    }
    if (e instanceof GraphException g) {
      return (g.status() == 0 ? "" : "HTTP " + g.status() + " ")
          + g.code().map(c -> c + " ").orElse("")
          + Text.oneLine(g.getMessage());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : Text.oneLine(e.getMessage());
  }
}

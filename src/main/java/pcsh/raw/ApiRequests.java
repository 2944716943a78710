package pcsh.raw;

import com.fasterxml.jackson.databind.JsonNode;
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
  private final LostAnswers lost;

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
    this.lost = new LostAnswers(this::client, journal);
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
    client(call.graph()).signedIn();
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
      return lost.readBack(call, requestId, null, e);
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
    return lost.readBack(call, requestId, a, failure);
  }

  /**
   * Writes sent with {@code api} that the journal holds without an outcome (pcsh stopped before the
   * answer), or with an unknown one: each is settled by reading its resource back where pcsh knows
   * one, else marked "unknown outcome" for good. One line per entry settled.
   */
  public List<String> settle() {
    return lost.settle();
  }

  /** Whether the journal holds {@code api} writes to settle. */
  public boolean unsettled() {
    return journal.pending().stream().anyMatch(WriteJournal.Entry::raw);
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

  /** Whether a request that ended with {@code e} may still have been carried out. */
  private static boolean mayHaveTakenEffect(RuntimeException e) {
    if (e instanceof PartnerCenterException p) return p.mayHaveTakenEffect();
    if (e instanceof GraphException g) return g.kind() == GraphException.Kind.NO_RESPONSE;
    return !(e instanceof NotSignedInException || e instanceof Failure);
  }

  static String describe(RuntimeException e) {
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

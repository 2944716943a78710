package pcsh.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RawClient;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.qualification.WriteJournal;

/**
 * A write whose answer was lost (no answer, or a 5xx that says nothing of the service behind a
 * gateway) may or may not have been applied; it is never sent again. It is settled by reading its
 * resource back where the path is a documented one with a GET ({@link ReadBack} judges), now or,
 * for a journal entry left without an outcome, later; where pcsh knows no way to read it back, the
 * journal says "unknown outcome".
 */
final class LostAnswers {

  private final Function<Boolean, RawClient> client;
  private final WriteJournal journal;

  LostAnswers(Function<Boolean, RawClient> client, WriteJournal journal) {
    this.client = client;
    this.journal = journal;
  }

  /**
   * The write got no usable answer, so it may or may not have been applied: never sent again, it is
   * settled by reading the resource back, where pcsh knows it.
   */
  ApiRequests.Outcome readBack(
      ApiCall call, String requestId, RawClient.Answer answer, RuntimeException failure) {
    String got =
        answer == null
            ? "no answer (" + Text.oneLine(ApiRequests.describe(failure)) + ")"
            : "HTTP " + answer.status();
    // what every report below starts with: the write, what it got and its id
    String head =
        "The "
            + call.method()
            + " "
            + call.resource()
            + " got "
            + got
            + " ("
            + idName(call)
            + " "
            + requestId
            + ")";
    if (!readable(call.method(), call.resource(), call.graph(), call.bodyText().isPresent())) {
      journal.outcome(
          requestId,
          WriteJournal.Result.UNKNOWN_OUTCOME,
          null,
          got + "; pcsh cannot read this path back");
      return failed(
          answer,
          head
              + ", and pcsh knows no way to read this path back, so whether it took effect is"
              + " unknown (the journal says unknown outcome).",
          "look at the resource (e.g. with `api GET`) before sending the write again, so it is"
              + " not made twice.",
          failure);
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
      return failed(
          answer,
          head + ", and reading it back failed too, so whether it took effect is unknown.",
          "run `journal` later: it settles the write by reading it back; do not send it again"
              + " before.",
          failure);
    }
    ReadBack.Verdict v =
        ReadBack.judge(call.method(), call.bodyText().orElse(null), read.status(), read.body());
    switch (v) {
      case APPLIED -> {
        journal.outcome(
            requestId, WriteJournal.Result.APPLIED_AFTER_NO_ANSWER, "read back: applied", got);
        return new ApiRequests.Outcome(
            answer, head + "; reading it back shows it took effect.\n", null);
      }
      case NOT_APPLIED -> {
        journal.outcome(
            requestId, WriteJournal.Result.NOT_APPLIED_AFTER_NO_ANSWER, "read back", got);
        return failed(
            answer,
            head + "; reading it back shows it did NOT take effect.",
            "it is safe to send it again.",
            failure);
      }
      default -> {
        journal.outcome(
            requestId,
            WriteJournal.Result.UNKNOWN_OUTCOME,
            null,
            got + "; reading it back does not show what the write sent");
        return failed(
            answer,
            head
                + ", and reading it back does not tell whether it took effect (the journal says"
                + " unknown outcome).",
            "look at the resource before sending the write again, so it is not made twice.",
            failure);
      }
    }
  }

  /** A lost answer's report: the write's answer (if any) and the failure that says what to do. */
  private static ApiRequests.Outcome failed(
      RawClient.Answer answer, String message, String next, RuntimeException failure) {
    return new ApiRequests.Outcome(answer, null, Failure.failed(message, next, failure));
  }

  /**
   * Writes sent with {@code api} that the journal holds without an outcome (pcsh stopped before the
   * answer), or with an unknown one: each is settled by reading its resource back where pcsh knows
   * one, else marked "unknown outcome" for good. A read that fails leaves it for the next time. One
   * line per entry settled.
   */
  List<String> settle() {
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

  private static boolean readable(String method, String resource, boolean graph, boolean body) {
    return Endpoints.readable(resource, graph) && (method.equals("DELETE") || body);
  }

  private RawClient.Answer readResource(boolean toGraph, String resource) {
    RawClient c = client.apply(toGraph);
    return c.send(
        "GET", c.baseUrl() + resource, Map.of(), null, PartnerCenterClient.newRequestId());
  }

  private static String idName(ApiCall call) {
    return call.graph() ? "client-request-id" : "MS-RequestId";
  }

  private static String resource(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}

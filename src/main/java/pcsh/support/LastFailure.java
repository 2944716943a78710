package pcsh.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import pcsh.api.Exchange;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterException;
import pcsh.graph.GraphException;
import pcsh.session.PrivateFile;
import pcsh.session.Redactor;

/**
 * The last failure of any pcsh process (one-shot, script or interactive), with its redacted request
 * and response, kept in {@code $PCSH_HOME/last-error.json} (0600, replaced atomically), so that
 * {@code last-error} and {@code support bundle} in a later process still show it, and which process
 * it was and when.
 *
 * @param process e.g. "one-shot run", "interactive session 20261125-160102-1a2b", "script x.pcsh"
 * @param report the error report as it was printed (redacted)
 * @param exchange the failed request and response in full (redacted), or null when none was sent
 */
public record LastFailure(String process, long pid, Instant time, String report, String exchange) {

  static final String FILE = "last-error.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Path file(Path home) {
    return home.resolve(FILE);
  }

  /** "one-shot run (pid 4242) at 2026-11-25T10:00:00Z". */
  public String origin() {
    return process + " (pid " + pid + ") at " + time.truncatedTo(ChronoUnit.SECONDS);
  }

  public Optional<String> exchangeText() {
    return Optional.ofNullable(exchange);
  }

  /** Replaces the kept failure with this one, redacted again on the way to the disk. */
  public void save(Path home, Redactor redactor) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("process", process);
    n.put("pid", pid);
    n.put("time", time.toString());
    n.put("report", redactor.text(report));
    if (exchange != null) n.put("exchange", redactor.text(exchange));
    PrivateFile.replace(file(home), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
  }

  /** The kept failure; empty when there is none or the file cannot be read. */
  public static Optional<LastFailure> load(Path home) {
    Path f = file(home);
    if (!Files.isRegularFile(f)) return Optional.empty();
    try {
      JsonNode n = JSON.readTree(f.toFile());
      return Optional.of(
          new LastFailure(
              n.path("process").asText("a pcsh process"),
              n.path("pid").asLong(),
              Instant.parse(n.path("time").asText()),
              n.path("report").asText(""),
              n.hasNonNull("exchange") ? n.get("exchange").asText() : null));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged file is as good as none; the next failure replaces it
    }
  }

  /**
   * The exchange a failure came from: the request with its MS-RequestId (or Graph's
   * client-request-id), else the last failed one when the failure followed a call.
   */
  public static Optional<Exchange> exchangeOf(Throwable cause, ExchangeLog exchanges) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof PartnerCenterException p) return exchanges.byRequestId(p.requestId());
      if (t instanceof GraphException g && g.clientRequestId().isPresent()) {
        return exchanges.byRequestId(g.clientRequestId().get());
      }
    }
    return cause == null ? Optional.empty() : exchanges.lastFailed();
  }
}

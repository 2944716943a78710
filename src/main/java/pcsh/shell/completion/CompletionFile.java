package pcsh.shell.completion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import pcsh.api.Customer;
import pcsh.api.ValidationCode;
import pcsh.customers.RecentCustomers;
import pcsh.picture.SeenSubscriptions;
import pcsh.session.PrivateFile;
import pcsh.session.Settings;

/**
 * The customers and validation codes pcsh has seen, kept in {@code $PCSH_HOME/completion} (files
 * 0600) for the completion script of the user's own shell, which reads them at Tab time and never
 * starts pcsh or calls the service. {@code customers.tsv} holds {@code id, company name, domain},
 * newest first, up to {@value #MAX_CUSTOMERS}; {@code codes.tsv} {@code validationId, description};
 * {@code subscriptions.tsv} {@code id, name, customer id}, newest first. Written after a command
 * that saw new ones; any failure only costs completion.
 */
@Component
public class CompletionFile {

  static final int MAX_CUSTOMERS = 2000;

  private final Path dir;
  private final RecentCustomers recent;
  private final CompletionCache cache;
  private final SeenSubscriptions subscriptions;
  private long savedSubscriptions;
  private long savedChanges;
  private List<ValidationCode> savedCodes = List.of();

  public CompletionFile(
      Settings settings,
      RecentCustomers recent,
      CompletionCache cache,
      SeenSubscriptions subscriptions) {
    this.dir = settings.home().resolve("completion");
    this.recent = recent;
    this.cache = cache;
    this.subscriptions = subscriptions;
  }

  /** Writes what changed since the last call. */
  public synchronized void save() {
    try {
      long changes = recent.changes();
      if (changes != savedChanges) {
        saveCustomers(recent.all());
        savedChanges = changes;
      }
      long seen = subscriptions.changes();
      if (seen != savedSubscriptions) {
        saveSubscriptions(subscriptions.all());
        savedSubscriptions = seen;
      }
      List<ValidationCode> codes = cache.seenCodes();
      if (codes != savedCodes && !codes.isEmpty()) {
        StringBuilder b = new StringBuilder();
        for (ValidationCode c : codes) {
          b.append(field(c.validationId()))
              .append('\t')
              .append(field(CustomerIdCompletion.describe(c)))
              .append('\n');
        }
        PrivateFile.write(dir.resolve("codes.tsv"), b.toString());
        savedCodes = codes;
      }
    } catch (IOException | RuntimeException e) {
      // completion from the user's shell is a convenience: a full disk or a read-only home must
      // not fail the command that just ran
    }
  }

  private void saveCustomers(List<Customer> seen) throws IOException {
    Path file = dir.resolve("customers.tsv");
    Map<String, String> lines = new LinkedHashMap<>();
    List<Customer> newestFirst = new ArrayList<>(seen);
    java.util.Collections.reverse(newestFirst);
    for (Customer c : newestFirst) {
      lines.put(c.id(), field(c.id()) + "\t" + field(c.companyName()) + "\t" + field(c.domain()));
    }
    if (Files.isRegularFile(file)) {
      for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String id = l.split("\t", 2)[0];
        if (!id.isEmpty()) lines.putIfAbsent(id, l);
      }
    }
    StringBuilder b = new StringBuilder();
    lines.values().stream().limit(MAX_CUSTOMERS).forEach(l -> b.append(l).append('\n'));
    PrivateFile.write(file, b.toString());
    sweepTabFiles(dir, Instant.now().minus(Duration.ofDays(1)));
  }

  /**
   * Removes the files the completion scripts pass a Tab's candidates through ({@code .tab.<pid of
   * the user's shell>}, see completion/bash.sh) that were last written before {@code before}: their
   * shells have most likely ended, and a shell still open writes its file again on its next Tab.
   */
  static void sweepTabFiles(Path dir, Instant before) {
    try (DirectoryStream<Path> tabs = Files.newDirectoryStream(dir, ".tab.*")) {
      for (Path f : tabs) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) Files.deleteIfExists(f);
      }
    } catch (IOException | RuntimeException e) {
      // only tidiness is lost
    }
  }

  /** {@code id, name, customer id}, newest first, merged with the file's older lines. */
  private void saveSubscriptions(List<SeenSubscriptions.Seen> seen) throws IOException {
    Path file = dir.resolve("subscriptions.tsv");
    Map<String, String> lines = new LinkedHashMap<>();
    for (int i = seen.size() - 1; i >= 0; i--) {
      SeenSubscriptions.Seen s = seen.get(i);
      lines.put(s.id(), field(s.id()) + "\t" + field(s.name()) + "\t" + field(s.customerId()));
    }
    if (Files.isRegularFile(file)) {
      for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String id = l.split("\t", 2)[0];
        if (!id.isEmpty()) lines.putIfAbsent(id, l);
      }
    }
    StringBuilder b = new StringBuilder();
    lines.values().stream().limit(MAX_CUSTOMERS).forEach(l -> b.append(l).append('\n'));
    PrivateFile.write(file, b.toString());
  }

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  /**
   * One field of a line: no tab or line break can split it (control characters become blanks; tab,
   * CR and LF are among them).
   */
  private static String field(String s) {
    if (s == null) return "";
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) return CONTROL.matcher(s).replaceAll(" ");
    }
    return s;
  }
}

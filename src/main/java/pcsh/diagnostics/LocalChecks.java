package pcsh.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import pcsh.session.GraphEndpoint;
import pcsh.session.OwnerOnly;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles.Origin;

/**
 * What {@code doctor} checks without the network: where requests go and which layer of the settings
 * said so, and that pcsh's private files are private ({@code $PCSH_HOME} and the history directory
 * 0700, the files in them 0600).
 */
final class LocalChecks {

  private final Settings settings;
  private final Function<String, Origin> provenance;

  LocalChecks(Settings settings, Function<String, Origin> provenance) {
    this.settings = settings;
    this.provenance = provenance;
  }

  List<Check> run() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.ok(
            "base URL",
            (settings.embedded() ? "the embedded emulator" : settings.apiBaseUrl())
                + " ("
                + from(Settings.BASE_URL)
                + ")"));
    checks.add(
        Check.ok(
            "environment", settings.environment().id() + " (" + from(Settings.ENVIRONMENT) + ")"));
    GraphEndpoint graph = GraphEndpoint.of(settings);
    checks.add(
        Check.ok(
            "Graph (GDAP)",
            (graph.embedded() ? "the embedded emulator" : graph.baseUrl())
                + " ("
                + from(Settings.GRAPH_BASE_URL)
                + ")"));
    checks.add(directory("PCSH_HOME", settings.home()));
    checks.add(directory("history", settings.historyDir()));
    checks.add(privateFiles());
    return checks;
  }

  private String from(String key) {
    Origin o = provenance.apply(key);
    return key + (o.value() == null ? " unset" : "=" + o.value()) + ", from " + o.source();
  }

  private static Check directory(String name, Path dir) {
    if (!Files.isDirectory(dir)) return Check.ok(name, dir + " (not created yet)");
    String mode = mode(dir);
    if (mode == null) return Check.ok(name, dir + " (no POSIX permissions or ACL here)");
    if (!openToOthers(dir)) return Check.ok(name, dir + " (" + mode + ")");
    return Check.warn(
        name,
        dir + " is " + mode + ": others may read pcsh's private files in it (0700 expected)",
        "run `" + OwnerOnly.fixCommand(dir, true) + "`.");
  }

  /** The files holding tokens, sign-ins, errors, writes and transcripts: 0600 each. */
  private Check privateFiles() {
    Path home = settings.home();
    List<Path> files = new ArrayList<>();
    for (String f :
        List.of(
            "journal.jsonl",
            "last-error.json",
            "auth/msal-token-cache.json",
            "auth/signin.properties")) {
      if (Files.isRegularFile(home.resolve(f))) files.add(home.resolve(f));
    }
    if (Files.isDirectory(settings.historyDir())) {
      try (Stream<Path> s = Files.list(settings.historyDir())) {
        s.filter(Files::isRegularFile)
            .filter(
                f -> {
                  String n = f.getFileName().toString();
                  return n.equals("pcsh_history") || n.startsWith("session-");
                })
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        // an unreadable directory is reported by its own line
      }
    }
    List<Path> open = files.stream().filter(LocalChecks::openToOthers).toList();
    if (open.isEmpty()) {
      return Check.ok(
          "private files",
          files.isEmpty()
              ? "none yet"
              : files.size() + " file(s), each readable by you only (0600)");
    }
    boolean tokens = open.stream().anyMatch(p -> p.getFileName().toString().contains("token"));
    String listed = String.join(", ", open.stream().map(p -> p + " (" + mode(p) + ")").toList());
    String next =
        open.stream().allMatch(OwnerOnly::posixOrNothing)
            ? "run `chmod 600 "
                + String.join(" ", open.stream().map(Path::toString).toList())
                + "`."
            : "run "
                + String.join(
                    ", ",
                    open.stream().map(p -> "`" + OwnerOnly.fixCommand(p, false) + "`").toList())
                + ".";
    return tokens
        ? Check.fail("private files", "others may read the token cache: " + listed, next)
        : Check.warn("private files", "others may read " + listed + " (0600 expected)", next);
  }

  private static String mode(Path p) {
    return OwnerOnly.describe(p).orElse(null);
  }

  private static boolean openToOthers(Path p) {
    return OwnerOnly.openToOthers(p);
  }
}

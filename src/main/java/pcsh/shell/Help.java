package pcsh.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import pcsh.failure.Failure;

/**
 * Help as gh prints it, from the command registry: {@code help} lists the groups in a fixed order
 * and each command with its one-line summary; {@code help <command>} and {@code <command> --help}
 * show the summary and description, the usage, the options with their value names and defaults,
 * examples and related commands. A command's text comes from its {@code @Command} description
 * ({@link Page}); everything fits in {@value #MAX_WIDTH} columns.
 */
public final class Help {

  static final int MAX_WIDTH = 100;

  /** Groups in the order a session goes through them; others follow by name, the shell's last. */
  private static final List<String> GROUP_ORDER =
      List.of("Session", "Customers", "Customer picture", "Qualification");

  private static final List<String> LAST_GROUPS =
      List.of("Support", "Emulator", "Built-In Commands");

  private final ObjectProvider<CommandCatalog> catalog;
  private final CommandTargets targets;

  Help(ObjectProvider<CommandCatalog> catalog, CommandTargets targets) {
    this.catalog = catalog;
    this.targets = targets;
  }

  /**
   * A command's description split into its parts. Written as lines: the first is the summary; lines
   * starting {@code Usage:}, {@code Example:} (one per example) and {@code See also:} (commands,
   * comma-separated) are those; the rest is the description. A one-line description gives its first
   * sentence as the summary, and anything after {@code Example:} as one example.
   */
  public record Page(
      String summary,
      List<String> body,
      String usage,
      List<String> examples,
      List<String> related) {

    public static Page of(String description) {
      String text = description == null ? "" : description.strip();
      List<String> lines = new ArrayList<>(text.lines().map(String::strip).toList());
      List<String> examples = new ArrayList<>();
      if (lines.size() == 1) {
        String only = lines.get(0);
        int ex = only.indexOf("Example");
        if (ex > 0 && only.indexOf(':', ex) > 0) {
          examples.add(only.substring(only.indexOf(':', ex) + 1).strip());
          only = only.substring(0, ex).strip();
        }
        int dot = only.indexOf(". ");
        lines =
            dot < 0 ? List.of(only) : List.of(only.substring(0, dot + 1), only.substring(dot + 2));
      }
      String summary = lines.isEmpty() ? "" : lines.get(0);
      String usage = null;
      List<String> body = new ArrayList<>();
      List<String> related = new ArrayList<>();
      for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
        if (l.startsWith("Example:") || l.startsWith("Examples:")) {
          examples.add(l.substring(l.indexOf(':') + 1).strip());
        } else if (l.startsWith("See also:")) {
          for (String r : l.substring("See also:".length()).split(",", -1)) related.add(r.strip());
        } else if (l.startsWith("Usage:")) {
          usage = l.substring("Usage:".length()).strip();
        } else if (!l.isEmpty()) {
          body.add(l);
        }
      }
      return new Page(summary, body, usage, examples, related);
    }
  }

  /** {@code help}: every command a person can run here, by group, one line each. */
  public String commands(int terminalWidth) {
    int width = width(terminalWidth);
    Map<String, List<CommandRegistration>> groups = new TreeMap<>(Help::compareGroups);
    for (CommandRegistration r : visible()) {
      groups.computeIfAbsent(groupOf(r), g -> new ArrayList<>()).add(r);
    }
    int nameWidth = visible().stream().mapToInt(r -> r.getCommand().length()).max().orElse(10) + 2;
    StringBuilder b = new StringBuilder();
    b.append("pcsh: an admin shell for Microsoft Partner Center.\n\n");
    b.append("USAGE\n");
    b.append("  ./pcsh                        the interactive shell (type the commands below)\n");
    b.append("  ./pcsh <command> [options]    run one command and exit with its exit code\n");
    for (Map.Entry<String, List<CommandRegistration>> g : groups.entrySet()) {
      b.append('\n').append(g.getKey().toUpperCase(Locale.ROOT)).append('\n');
      g.getValue().sort(Comparator.comparing(CommandRegistration::getCommand));
      for (CommandRegistration r : g.getValue()) {
        String summary = page(r).summary();
        b.append(cut("  " + pad(r.getCommand(), nameWidth) + summary, width)).append('\n');
      }
    }
    b.append('\n')
        .append(
            wrap(
                "Run `help <command>` or `<command> --help` for a command's options and examples."
                    + " A command's first option can be given without its name (`debug on`,"
                    + " `use customer Northwind`).",
                width,
                ""));
    return b.toString().stripTrailing();
  }

  /** {@code help <command>}: the command's page. */
  public String command(String name, int terminalWidth) {
    CommandRegistration r =
        visible().stream()
            .filter(c -> c.getCommand().equals(name.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    Failure.usage(
                        "No command '" + pcsh.output.Text.shown(name) + "'.",
                        "run `help` to list the commands."));
    return command(r, terminalWidth);
  }

  String command(CommandRegistration r, int terminalWidth) {
    int width = width(terminalWidth);
    Page p = page(r);
    List<CommandOption> options = CommandLine.options(r);
    StringBuilder b = new StringBuilder();
    b.append(wrap(p.summary(), width, ""));
    if (!p.body().isEmpty()) b.append('\n').append(wrap(String.join(" ", p.body()), width, ""));
    b.append("\nUSAGE\n")
        .append(wrap(p.usage() != null ? p.usage() : usage(r, options), width, "  "));
    b.append("\nOPTIONS\n");
    List<String[]> rows = new ArrayList<>();
    for (CommandOption o : options) rows.add(new String[] {names(o), describe(o)});
    rows.add(new String[] {"-h, --help", "show this help"});
    int col = rows.stream().mapToInt(x -> x[0].length()).max().orElse(10) + 4;
    for (String[] row : rows) {
      String first = "  " + pad(row[0], col - 2);
      b.append(hanging(first, row[1], width, col));
    }
    if (!p.examples().isEmpty()) {
      b.append("\nEXAMPLES\n");
      for (String e : p.examples()) b.append(wrap(e, width, "  "));
    }
    if (!p.related().isEmpty()) {
      b.append("\nSEE ALSO\n").append(wrap(String.join(", ", p.related()), width, "  "));
    }
    return b.toString().stripTrailing();
  }

  /** The names of the commands a person can run here (for completion). */
  public List<String> names() {
    return visible().stream().map(CommandRegistration::getCommand).sorted().toList();
  }

  Page page(CommandRegistration r) {
    return Page.of(
        targets.target(r.getCommand()).map(t -> t.description()).orElse(r.getDescription()));
  }

  private List<CommandRegistration> visible() {
    return catalog.getObject().getRegistrations().values().stream()
        .filter(r -> !r.isHidden())
        .distinct() // a command is in the catalog once under each of its aliases
        .toList();
  }

  private static String groupOf(CommandRegistration r) {
    return r.getGroup() == null || r.getGroup().isBlank() ? "Other" : r.getGroup();
  }

  private static int compareGroups(String a, String b) {
    return Comparator.<String>comparingInt(g -> rank(g)).thenComparing(g -> g).compare(a, b);
  }

  private static int rank(String group) {
    int i = GROUP_ORDER.indexOf(group);
    if (i >= 0) return i;
    int j = LAST_GROUPS.indexOf(group);
    return j >= 0 ? 100 + j : 50;
  }

  private static String usage(CommandRegistration r, List<CommandOption> options) {
    StringBuilder u = new StringBuilder(r.getCommand());
    CommandOption first = CommandLine.positional(options).orElse(null);
    if (first != null) {
      u.append(" [<").append(CommandLine.label(first).toLowerCase(Locale.ROOT)).append('>');
      u.append(CommandLine.isMany(first) ? "...]" : "]");
    }
    if (options.size() > (first == null ? 0 : 1)) u.append(" [options]");
    return u.toString();
  }

  private static String names(CommandOption o) {
    StringBuilder n = new StringBuilder();
    for (Character c : o.getShortNames()) n.append('-').append(c).append(", ");
    if (n.length() == 0) n.append("    ");
    n.append(CommandLine.display(o));
    if (!CommandLine.isSwitch(o)) n.append(' ').append(CommandLine.label(o));
    if (CommandLine.isMany(o)) n.append("...");
    return n.toString();
  }

  private static String describe(CommandOption o) {
    String d = o.getDescription() == null ? "" : o.getDescription();
    String def = o.getDefaultValue();
    if (!CommandLine.isSwitch(o) && def != null && !def.isBlank() && !d.contains("default")) {
      d = d + (d.isEmpty() ? "" : " ") + "(default: " + def + ")";
    }
    return d;
  }

  private static int width(int terminalWidth) {
    return terminalWidth <= 0 ? MAX_WIDTH : Math.min(MAX_WIDTH, terminalWidth);
  }

  private static String pad(String s, int n) {
    return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
  }

  private static String cut(String line, int width) {
    return line.length() <= width ? line : line.substring(0, width - 1) + "…";
  }

  /** {@code text} wrapped at {@code width}, each line starting with {@code indent}. */
  static String wrap(String text, int width, String indent) {
    return hanging(indent, text, width, indent.length());
  }

  /** {@code first} then {@code text} from column {@code col}, wrapped lines indented to it. */
  private static String hanging(String first, String text, int width, int col) {
    StringBuilder out = new StringBuilder(first);
    int lineLength = first.length();
    boolean lineHasWord = false;
    for (String word : text.split(" ", -1)) {
      if (word.isEmpty()) continue;
      if (lineHasWord && lineLength + 1 + word.length() > width) {
        out.append('\n').append(" ".repeat(col));
        lineLength = col;
        lineHasWord = false;
      }
      if (lineHasWord) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
      lineHasWord = true;
    }
    return out.append('\n').toString();
  }
}

package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/pcsh.cmd}, read as cmd.exe reads it, since no Windows machine is here to run it: the
 * rules that let every argument reach pcsh as cmd.exe passed it to the script (quotes, {@code ^},
 * {@code %}, {@code !}, spaces), the order in which it looks for Java, and that pcsh's exit code is
 * the script's. The rules are written at the top of the script too.
 */
class WindowsLauncherTest {

  /** The script's commands: its lines without comments, blank lines and labels. */
  private static List<String> commands;

  private static String javaLine;

  @BeforeAll
  static void read() throws Exception {
    commands = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src", "dist", "bin", "pcsh.cmd"))) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("::") || l.startsWith(":")) continue;
      if (l.regionMatches(true, 0, "rem ", 0, 4) || l.equalsIgnoreCase("rem")) continue;
      commands.add(l);
    }
    List<String> withAll = commands.stream().filter(c -> c.contains("%*")).toList();
    assertThat(withAll).as("the lines that use %*").hasSize(1);
    javaLine = withAll.get(0);
  }

  @Test
  void delayedExpansionIsOffBeforeAnythingElseSoAnExclamationMarkStaysOne() {
    assertThat(commands.get(0)).isEqualToIgnoringCase("@echo off");
    assertThat(commands.get(1))
        .isEqualToIgnoringCase("setlocal EnableExtensions DisableDelayedExpansion");
    assertThat(commands).noneMatch(c -> c.toLowerCase().contains("enabledelayedexpansion"));
    assertThat(commands).noneMatch(c -> c.toLowerCase().startsWith("cmd "));
    // no !VAR! anywhere: nothing here relies on delayed expansion
    assertThat(commands).noneMatch(c -> Pattern.compile("![A-Za-z_]+!").matcher(c).find());
  }

  @Test
  void theArgumentsAreExpandedOnceOnTheJavaLineAndNowhereElse() {
    assertThat(javaLine).startsWith("\"%PCSH_JAVA%\" ").endsWith(" %*");
    // no second round of parsing: CALL doubles carets and expands % again, FOR and SET re-read it
    for (String c : commands) {
      String lower = c.toLowerCase();
      assertThat(lower).as(c).doesNotStartWith("call ").doesNotStartWith("shift");
      assertThat(c).as(c).doesNotContainPattern("%~?[0-9]").doesNotContainPattern("%~[a-z]*[1-9]");
    }
    // %~dp0 (where the script is) is the one parameter read, and only for its path
    assertThat(commands.stream().filter(c -> c.contains("%~dp0")))
        .containsExactly("set \"PCSH_INSTALL=%~dp0..\"");
  }

  @Test
  void theJavaLineStandsOutsideAnyBlockAndQuotesEveryPath() {
    int depth = 0;
    for (String c : commands.subList(0, commands.indexOf(javaLine))) {
      depth += parenthesesOutsideQuotes(c);
    }
    assertThat(depth).as("open ( blocks at the java line").isZero();
    // every word that expands a variable is one quoted word, so a path with spaces, & or ) stays
    // whole
    String withoutArgs = javaLine.substring(0, javaLine.length() - " %*".length());
    for (String word : words(withoutArgs)) {
      if (word.contains("%")) assertThat(word).as(word).startsWith("\"").endsWith("\"");
    }
    assertThat(words(withoutArgs))
        .contains(
            "\"-Dpcsh.defaults=%PCSH_INSTALL%\\shell.properties\"",
            "\"-Dpcsh.install=%PCSH_INSTALL%\"", "\"%PCSH_INSTALL%\\app\\pcsh.jar\"");
  }

  @Test
  void pcshsExitCodeIsTheScripts() {
    int java = commands.indexOf(javaLine);
    assertThat(commands.get(java + 1)).isEqualToIgnoringCase("exit /b %ERRORLEVEL%");
    assertThat(commands.size()).isEqualTo(java + 2);
  }

  @Test
  void javaIsTheBundledRuntimeThenJavaHomeThenThePath() {
    int runtime = indexOf("set \"PCSH_JAVA=%PCSH_INSTALL%\\runtime\\bin\\java.exe\"");
    int javaHome = indexOf("set \"PCSH_JAVA=%JAVA_HOME%\\bin\\java.exe\"");
    int path = indexOf("for %%J in (java.exe) do set \"PCSH_JAVA=%%~$PATH:J\"");
    assertThat(runtime).isLessThan(javaHome);
    assertThat(javaHome).isLessThan(path);
    // a JAVA_HOME with ( ) in it (C:\Program Files (x86)\...) is never expanded inside a block
    assertThat(commands.stream().filter(c -> c.contains("%JAVA_HOME%")))
        .allMatch(c -> parenthesesOutsideQuotes(c) == 0 && !c.contains(" ("));
  }

  private int indexOf(String command) {
    int i = commands.indexOf(command);
    assertThat(i).as(command).isNotNegative();
    return i;
  }

  /** ( minus ) outside double quotes, as cmd.exe counts blocks. */
  private static int parenthesesOutsideQuotes(String line) {
    int depth = 0;
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') quoted = !quoted;
      else if (!quoted && ch == '(') depth++;
      else if (!quoted && ch == ')') depth--;
    }
    return depth;
  }

  /** The line's words as cmd.exe splits them: at blanks outside double quotes. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') quoted = !quoted;
      if (ch == ' ' && !quoted) {
        if (w.length() > 0) words.add(w.toString());
        w.setLength(0);
      } else {
        w.append(ch);
      }
    }
    if (w.length() > 0) words.add(w.toString());
    return words;
  }
}

package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {

  @Test
  void commentsAndBlankLinesAreSkippedAndBackslashesJoinLines() throws Exception {
    BufferedReader in =
        new BufferedReader(
            new StringReader(
                """
        # comment
          # indented comment

        whoami
        customers list \\
           --size 3 \\
           --output json
        use customer "Contoso Ltd"
        last \\
        """));
    List<String> commands = new ArrayList<>();
    for (String c; (c = ScriptRunner.nextCommand(in)) != null; ) commands.add(c);

    assertThat(commands)
        .containsExactly(
            "whoami",
            "customers list  --size 3  --output json",
            "use customer \"Contoso Ltd\"",
            "last");
  }
}

package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a run of commands left for a person to read, for the tests that look for secrets in
 * it: what the commands returned, what went to the given streams (the terminal, stdout, stderr),
 * and every file under pcsh's home, each with its path.
 */
record Written(List<String> texts, List<String> fileNames) {

  static Written of(List<String> printed, Path home, ByteArrayOutputStream... streams)
      throws IOException {
    List<String> texts = new ArrayList<>(printed);
    for (ByteArrayOutputStream s : streams) texts.add(s.toString(UTF_8));
    List<Path> files;
    try (Stream<Path> s = Files.walk(home)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) texts.add(f + "\n" + Files.readString(f));
    return new Written(texts, files.stream().map(f -> f.getFileName().toString()).toList());
  }
}

package pcsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the build puts beside the archives: SHA256SUMS, whose sums are those of the files, and the
 * CycloneDX SBOM, which names every library the archives hold; and that the .zip holds what the
 * .tar.gz holds, with the Windows launcher's line ends as cmd.exe reads them.
 */
class ReleaseArchivesIT {

  private static final String VERSION = InstallIT.VERSION;
  private static final String BASE = "pcsh-" + VERSION + "/";

  @BeforeEach
  void archivesAreBuilt() {
    assumeFalse(
        Boolean.getBoolean("pcsh.dist.skip"),
        "-Dpcsh.dist.skip=true: the build made no release archive");
  }

  @Test
  void theChecksumsMatchTheArchivesAndTheSbom() throws Exception {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : Files.readAllLines(InstallIT.target("SHA256SUMS"))) {
      String[] f = line.split("  ", 2);
      assertThat(f).as(line).hasSize(2);
      sums.put(f[1], f[0]);
    }
    assertThat(sums.keySet()).contains("pcsh-" + VERSION + ".tar.gz", "pcsh-" + VERSION + ".zip");
    for (String optional :
        List.of("pcsh-" + VERSION + "-linux-x64.tar.gz", "pcsh-" + VERSION + ".cdx.json")) {
      if (Files.exists(InstallIT.target(optional))) assertThat(sums).containsKey(optional);
    }
    for (Map.Entry<String, String> e : sums.entrySet()) {
      assertThat(sha256(InstallIT.target(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void theSbomNamesEveryLibraryInTheArchives() throws Exception {
    Path sbom = InstallIT.target("pcsh-" + VERSION + ".cdx.json");
    // the plugin makes it whenever Maven runs online, or fails the build; offline (mvn -o) it
    // makes none, and the build goes on without it
    assumeTrue(
        Files.exists(sbom),
        "no SBOM: Maven ran offline, and the CycloneDX plugin makes none offline");
    JsonNode bom = new ObjectMapper().readTree(sbom.toFile());
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("pcsh");
    assertThat(bom.at("/metadata/component/version").asText()).isEqualTo(VERSION);

    Set<String> jars = new TreeSet<>();
    for (String name : entries()) {
      if (name.startsWith(BASE + "app/lib/") && name.endsWith(".jar"))
        jars.add(name.substring((BASE + "app/lib/").length()));
    }
    assertThat(jars).isNotEmpty();
    Map<String, JsonNode> components = new LinkedHashMap<>();
    for (JsonNode c : bom.get("components")) {
      components.put(c.get("name").asText() + "-" + c.get("version").asText() + ".jar", c);
    }
    assertThat(components.keySet()).as("the SBOM's libraries").containsAll(jars);
    for (JsonNode c : components.values()) {
      assertThat(c.get("purl").asText()).startsWith("pkg:maven/");
      assertThat(c.get("hashes")).as(c.get("purl").asText()).isNotEmpty();
    }
    // a library the SBOM lists and the archive lacks may only be a starter: a jar with no code,
    // which Spring Boot's repackaging leaves out by its manifest
    List<String> absent = new ArrayList<>(components.keySet());
    absent.removeAll(jars);
    for (String name : absent) {
      assertThat(isDependenciesStarter(components.get(name)))
          .as(name + " is in the SBOM but not in the archive")
          .isTrue();
    }
  }

  @Test
  void theZipHoldsWhatTheTarGzHoldsWithTheWindowsLauncherInCrlf() throws Exception {
    Set<String> tar = new TreeSet<>();
    Process p =
        new ProcessBuilder(
                "tar", "-tzf", InstallIT.target("pcsh-" + VERSION + ".tar.gz").toString())
            .redirectErrorStream(true)
            .start();
    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines()
        .filter(l -> !l.endsWith("/"))
        .forEach(tar::add);
    assertThat(p.waitFor()).isZero();
    assertThat(new TreeSet<>(entries())).isEqualTo(tar);
    assertThat(tar)
        .contains(
            BASE + "bin/pcsh",
            BASE + "bin/pcsh.cmd",
            BASE + "app/pcsh.jar",
            BASE + "shell.properties",
            BASE + "completion/pcsh.bash",
            BASE + "completion/_pcsh",
            BASE + "LICENSE",
            BASE + "README.txt");

    try (ZipFile zip = new ZipFile(InstallIT.target("pcsh-" + VERSION + ".zip").toFile())) {
      String cmd = read(zip, BASE + "bin/pcsh.cmd");
      assertThat(cmd).startsWith("@echo off\r\n").endsWith("\r\n").doesNotContain("@pcsh.");
      assertThat(cmd.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
      assertThat(read(zip, BASE + "shell.properties"))
          .isEqualTo(Files.readString(Path.of("shell.properties")));
    }
  }

  private static List<String> entries() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(InstallIT.target("pcsh-" + VERSION + ".zip").toFile())) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  private static String read(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    assertThat(e).as(name).isNotNull();
    try (InputStream in = zip.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The component's jar in the local Maven repository says it is a Spring Boot starter. */
  private static boolean isDependenciesStarter(JsonNode component) throws IOException {
    String group = component.get("group").asText();
    String name = component.get("name").asText();
    String version = component.get("version").asText();
    Path jar =
        Path.of(System.getProperty("pcsh.maven.repository"))
            .resolve(group.replace('.', '/'))
            .resolve(name)
            .resolve(version)
            .resolve(name + "-" + version + ".jar");
    if (!Files.isRegularFile(jar)) return false;
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getManifest() != null
          && "dependencies-starter"
              .equals(j.getManifest().getMainAttributes().getValue("Spring-Boot-Jar-Type"));
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(d.digest());
  }
}

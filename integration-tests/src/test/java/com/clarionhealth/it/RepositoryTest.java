package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Facts about the repository itself that no compiler checks. Runs from this module's directory (surefire's). */
class RepositoryTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> NOT_OURS = Set.of(".git", "target", ".idea", ".vscode", ".settings");

  /**
   * A path into a machine's own folders (a home, a scratch or work folder, an installed JDK) or out of the
   * repository works on one machine and nowhere else; the repository must build and read the same from any clone.
   * The system's fixed files ({@code /usr/bin/env} in a shebang, {@code /etc/os-release}, {@code /dev/null}) are
   * not such paths.
   */
  @Test
  void noFileNamesAPathOutsideTheRepository() throws IOException {
    Pattern outside = Pattern.compile(
        "(?<![\\w.~-])(/(work|tmp|home|root|opt|mnt|srv|Users)/|/usr/(lib|local|share)/|(\\.\\./)+shared/)");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(Files::isRegularFile)
          .filter(file -> NOT_OURS.stream().noneMatch(dir -> ROOT.relativize(file).startsWith(dir)
              || ROOT.relativize(file).toString().contains("/" + dir + "/")))
          .filter(file -> !ROOT.relativize(file).toString().equals("mvnw")) // Maven's own wrapper script
          .forEach(file -> {
            String text = read(file);
            Matcher matcher = outside.matcher(text);
            while (matcher.find()) {
              int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
              found.add(ROOT.relativize(file) + ":" + line + ": " + matcher.group());
            }
          });
    }
    assertThat(found).isEmpty();
  }

  @Test
  void ciRunsTheTestCommandTheReadmeGives() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    int comment = readme.indexOf("# run every test (what CI runs)");
    assertThat(comment).as("the README's test command, under its comment").isNotNegative();
    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"));

    assertThat(ci.get(ci.size() - 1)).isEqualTo(readme.get(comment + 1));
    assertThat(readme.get(comment + 1)).startsWith("./mvnw ");
  }

  /** The published pages are kept byte for byte: each has its SHA-256 in the README beside them, and matches it. */
  @Test
  void thePublishedPagesAreTheBytesTheirReadmeRecords() throws Exception {
    Path published = ROOT.resolve("api-spec/published");
    Map<String, String> recorded = new TreeMap<>();
    Matcher line = Pattern.compile("(?m)^ {4}([0-9a-f]{64})  (\\S+)$")
        .matcher(Files.readString(published.resolve("README.md")));
    while (line.find()) {
      recorded.put(line.group(2), line.group(1));
    }
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> files = Files.list(published)) {
      for (Path page : (Iterable<Path>) files.filter(f -> !f.getFileName().toString().equals("README.md"))::iterator) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(page));
        actual.put(page.getFileName().toString(), HexFormat.of().formatHex(digest));
      }
    }

    assertThat(actual).isNotEmpty().isEqualTo(recorded);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException binary) {
      return ""; // not text: a jar or an image holds no path we wrote
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

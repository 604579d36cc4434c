package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.clarionhealth.cli.ExportCommand.Format;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.FaultRule;
import com.clarionhealth.client.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The promise of {@code export --resume} ("an interrupted export loses nothing and duplicates
 * nothing") under the harshest interruption: the tool's JVM killed with SIGKILL in the middle of the
 * export, so that no shutdown hook, {@code finally} or flush runs. The tool runs in a child JVM (the
 * only way to kill it for real) against a sandbox in this JVM; the resume runs in-process.
 */
class ExportKillTest {
  private static final Instant FROM = Instant.parse("2026-01-05T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-12T00:00:00Z");
  private static final int CALLS = 600;
  /**
   * Small pages, so that the range needs many of them: a window is complete only when its page is
   * shorter than the limit, so the export needs at least {@code CALLS / (PAGE_SIZE - 1)} = 67 requests.
   */
  private static final int PAGE_SIZE = 10;
  /**
   * The sandbox answers every GET of the killed run this late (real time), so the export cannot end
   * before 67 × 150 ms = 10 s after its first request. The test kills it as soon as a few pages are
   * saved (about a dozen requests), so the child still has at least 8 s of export ahead when killed:
   * it is mid-export, not by luck of timing, and without the test sleeping for a fixed time. Were it
   * ever not, the test fails (the child's end is checked), it never passes without a kill.
   */
  private static final Duration LATENCY = Duration.ofMillis(150);
  /** Calls the saved cursor must cover before the kill: a few pages, so the resume has a file to keep. */
  private static final int SAVED_BEFORE_KILL = 20;
  /** How long the child may take to get there: generous, since the JVM starts on shared cores. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  /** A test key the child gets from its environment; asserted never to be printed. */
  private static final String KEY = "sk_test_killed_export_5e1f";
  /** For "one JSON object per line": a line holding an object plus anything else is not one object. */
  private static final ObjectReader ONE_JSON_VALUE =
      Json.MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @TempDir
  Path dir;

  private ClarionSandbox sandbox;
  private List<Long> ids;
  private Process child;

  @BeforeEach
  void start() {
    sandbox = ClarionSandbox.builder().apiKey(KEY).seed(23).start();
    // Calls just outside the range on both sides, so that "every call of the range" excludes some.
    sandbox.seed(100, FROM.minus(Duration.ofDays(1)), FROM.minusMillis(1), Distribution.UNIFORM, 1);
    long first = sandbox.seed(CALLS, FROM, TO, Distribution.UNIFORM, 2);
    sandbox.seed(100, TO.plusMillis(1), TO.plus(Duration.ofDays(1)), Distribution.UNIFORM, 3);
    ids = LongStream.range(first, first + CALLS).boxed().collect(Collectors.toList());
    assertThat(sandbox.countCalls(FROM, TO)).isEqualTo(CALLS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (child != null && child.isAlive()) { // a failed assertion before the kill: leave no JVM behind
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    sandbox.close();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void anExportKilledMidwayResumesWithEveryCallOfTheRangeExactlyOnce(Format format) throws Exception {
    Path out = dir.resolve("calls." + format);
    Path state = ExportState.pathFor(out);
    sandbox.addFault(FaultRule.delay(LATENCY).onGet());

    child = startExportInChildJvm(out, format);
    int savedBeforeKill = waitUntilTheSavedCursorCovers(SAVED_BEFORE_KILL, out, format);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, no flush
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child dies").isTrue();

    String childErr = Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(childErr).isNotZero();
    // Neither finished nor failed on its own: the kill is what stopped it.
    assertThat(childErr).doesNotContain("Exported").doesNotContain("clarion:").doesNotContain(KEY);
    List<RecordedRequest> killedRun = sandbox.requests();
    assertThat(killedRun.get(0).queryParameter("createdAtGe")).as("the killed run began at the range's start")
        .contains("2026-01-05T00:00:00.000Z");
    // What the resume keeps: the file up to the length saved with the last cursor. Anything after it
    // (a page written but whose cursor was not yet saved, or a half-written one) is cut off.
    ExportState saved = ExportState.read(state);
    byte[] killedFile = Files.readAllBytes(out);
    assertThat(killedFile.length).isGreaterThanOrEqualTo((int) saved.bytes);
    List<Long> kept = records(Arrays.copyOf(killedFile, (int) saved.bytes), format);
    assertThat(kept).hasSizeGreaterThanOrEqualTo(savedBeforeKill).hasSizeLessThan(CALLS)
        .doesNotHaveDuplicates();
    assertThat(ids).containsAll(kept);

    sandbox.clearFaults(); // the network is fast again
    int requestsBeforeResume = sandbox.requests().size();
    Cli resumed = Cli.run(Map.of("CLARION_API_KEY", KEY, "CLARION_BASE_URL", sandbox.baseUrl()),
        "calls", "export", "--resume", "--out", out.toString(), "--format", format.name());

    assertThat(resumed.exitCode).as(resumed.toString()).isZero();
    assertThat(resumed.err).contains("Exported ").doesNotContain(KEY);
    assertThat(state).as("a complete export leaves nothing to resume").doesNotExist();
    byte[] finalFile = Files.readAllBytes(out);
    List<Long> exported = records(finalFile, format);
    assertThat(exported).hasSize(CALLS).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(Arrays.copyOf(finalFile, (int) saved.bytes)).as("what the killed run saved is kept as it was")
        .isEqualTo(Arrays.copyOf(killedFile, (int) saved.bytes));

    // What the resumed run asked for: the rest of the range, from where the saved cursor left off,
    // not the range again. Every kept call was created at or before the edge the last saved window
    // ended on, and the rest of the range starts on that edge (windows share their edge instant), so
    // no resumed window may start before the millisecond of the latest kept call.
    // A request the killed child had in flight may be recorded late, among these; it asked for the
    // window after the last saved page (or a narrower one of it), so it obeys the same bounds.
    Instant lastKept = kept.stream().map(id -> sandbox.createdAt(id).orElseThrow()).max(Instant::compareTo)
        .orElseThrow().truncatedTo(ChronoUnit.MILLIS);
    List<RecordedRequest> all = sandbox.requests();
    List<RecordedRequest> resumedRun = all.subList(requestsBeforeResume, all.size());
    assertThat(resumedRun).isNotEmpty().allSatisfy(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.queryParameter("limit")).as("the page size the cursor carries").contains("10");
      Instant ge = Instant.parse(request.queryParameter("createdAtGe").orElseThrow());
      Instant le = Instant.parse(request.queryParameter("createdAtLe").orElseThrow());
      assertThat(ge).as("resumed windows start after what the file keeps").isAfterOrEqualTo(lastKept).isAfter(FROM);
      assertThat(le).as("and stay within the range").isBeforeOrEqualTo(TO);
    });
  }

  private Process startExportInChildJvm(Path out, Format format) throws IOException {
    return ChildJvm.start(Map.of("CLARION_API_KEY", KEY, "CLARION_BASE_URL", sandbox.baseUrl()),
        dir.resolve("child.out"), dir.resolve("child.err"),
        "calls", "export", "--from", FROM.toString(), "--to", TO.toString(), "--out", out.toString(),
        "--format", format.name(), "--page-size", String.valueOf(PAGE_SIZE));
  }

  /**
   * Polls the files the child writes until its saved cursor covers at least {@code calls} calls, and
   * returns how many it covers. Fails if the child ends first or the deadline passes.
   */
  private int waitUntilTheSavedCursorCovers(int calls, Path out, Format format) throws Exception {
    Path state = ExportState.pathFor(out);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      if (!child.isAlive()) {
        fail("the export ended before it was killed, exit " + child.exitValue() + ":\n"
            + Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8));
      }
      try {
        // The state is replaced atomically, and the file is at least as long as it says once saved.
        ExportState saved = ExportState.read(state);
        byte[] file = Files.readAllBytes(out);
        int covered = records(Arrays.copyOf(file, (int) saved.bytes), format).size();
        if (covered >= calls) {
          return covered;
        }
      } catch (NoSuchFileException | java.io.FileNotFoundException notYet) {
        // no page saved yet
      }
      if (System.nanoTime() > deadline) {
        fail("the export saved fewer than " + calls + " calls in " + DEADLINE + ":\n"
            + Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8));
      }
      Thread.sleep(10);
    }
  }

  /**
   * The ids of the calls in {@code content}, checking that it is a well-formed file of its format:
   * for JSON Lines one JSON object per line, every line ended; for CSV one header row, then rows of
   * exactly the header's columns, by RFC 4180 ({@link Csv} refuses a cut or malformed file).
   */
  private static List<Long> records(byte[] content, Format format) throws IOException {
    String text = new String(content, StandardCharsets.UTF_8);
    List<Long> result = new ArrayList<>();
    if (format == Format.jsonl) {
      if (text.isEmpty()) {
        return result;
      }
      assertThat(text).as("the last line is complete").endsWith("\n");
      // Every line, a blank one included (it is no JSON object and fails), up to the last line's end.
      for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
        JsonNode call = ONE_JSON_VALUE.readValue(line);
        assertThat(call.isObject()).as(line).isTrue();
        assertThat(call.get("id").isIntegralNumber()).as(line).isTrue();
        result.add(call.get("id").asLong());
      }
      return result;
    }
    List<List<String>> rows = Csv.parse(text);
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0)).containsExactlyElementsOf(CsvWriter.COLUMNS);
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).as("a row of the header's columns, not a second header")
          .hasSize(CsvWriter.COLUMNS.size()).isNotEqualTo(CsvWriter.COLUMNS);
      result.add(Long.parseLong(row.get(0)));
    }
    return result;
  }
}

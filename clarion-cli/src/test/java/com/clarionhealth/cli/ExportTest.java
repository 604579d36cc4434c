package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.FaultRule;
import com.clarionhealth.client.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clarion calls export} against a sandbox the test owns: files, exit codes and resume. */
class ExportTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-31T00:00:00Z");
  private static final int CALLS = 2500;

  @TempDir
  Path dir;

  private ClarionSandbox sandbox;
  private Map<String, String> env;
  private List<Long> ids;

  @BeforeEach
  void start() {
    sandbox = ClarionSandbox.builder().seed(16).start();
    long first = sandbox.seed(CALLS, FROM, TO, Distribution.UNIFORM);
    ids = LongStream.range(first, first + CALLS).boxed().collect(Collectors.toList());
    env = Map.of("CLARION_API_KEY", sandbox.apiKey(), "CLARION_BASE_URL", sandbox.baseUrl());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void exportsEveryCallOnceAsJsonLines() throws IOException {
    Path out = dir.resolve("calls.jsonl");

    Cli cli = Cli.run(env, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
        "--out", out.toString(), "--page-size", "500");

    assertThat(cli.exitCode).as(cli.toString()).isZero();
    assertThat(idsIn(out)).containsExactlyInAnyOrderElementsOf(ids);
    // Each line is the whole call, as the API shows it (messages included), not just the right id.
    List<Call> written = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      Call call = Json.MAPPER.readValue(line, Call.class);
      assertThat(call).as(line).isEqualTo(sandbox.call(call.getId()).orElseThrow());
      written.add(call);
    }
    assertThat(written).anySatisfy(call -> assertThat(call.getMessages()).hasSizeGreaterThan(3));
    assertThat(cli.err).contains("Exported 2,500 calls, ").contains(" requests, ").contains("to " + out)
        .doesNotContain("embedded sandbox").doesNotContain(sandbox.apiKey());
    assertThat(ExportState.pathFor(out)).doesNotExist();
    RecordedRequest first = sandbox.requests().get(0);
    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.queryParameter("limit")).contains("500");
    assertThat(first.queryParameter("createdAtGe")).contains("2026-01-01T00:00:00.000Z");
    assertThat(first.queryParameter("createdAtLe")).contains("2026-01-31T00:00:00.000Z");
    // Every request stays within the range, at the page size asked for.
    assertThat(sandbox.requests()).allSatisfy(request -> {
      assertThat(request.queryParameter("limit")).contains("500");
      assertThat(Instant.parse(request.queryParameter("createdAtGe").orElseThrow())).isAfterOrEqualTo(FROM);
      assertThat(Instant.parse(request.queryParameter("createdAtLe").orElseThrow())).isBeforeOrEqualTo(TO);
    });
  }

  /**
   * JSON Lines loses nothing the server sent: each line is the very text of the call in a served page (fields
   * the models do not declare, nested, explicit nulls, epoch-millisecond times as integers), at concurrency 1
   * and 3 (ExportKillTest resumes a JSON Lines export killed mid-page).
   */
  @Test
  void jsonLinesAreTheCallsExactlyAsTheSandboxServedThem() throws IOException {
    try (ClarionSandbox unpublished = ClarionSandbox.builder().seed(12).unpublishedValues(true)
        .recordResponses(true).start()) {
      long first = unpublished.seed(600, FROM, TO, Distribution.UNIFORM);
      Map<String, String> to = Map.of("CLARION_API_KEY", unpublished.apiKey(), "CLARION_BASE_URL",
          unpublished.baseUrl());
      Path out = dir.resolve("lossless.jsonl");
      Path concurrent = dir.resolve("lossless-c3.jsonl");

      Cli one = Cli.run(to, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
          "--out", out.toString(), "--page-size", "150");
      Cli three = Cli.run(to, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
          "--out", concurrent.toString(), "--page-size", "150", "--concurrency", "3");

      assertThat(one.exitCode).as(one.toString()).isZero();
      assertThat(three.exitCode).as(three.toString()).isZero();
      String served = unpublished.requests().stream().map(r -> r.responseBody().orElse(""))
          .collect(Collectors.joining("\n"));
      for (Path file : List.of(out, concurrent)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(idsIn(file)).as(file.toString()).hasSize(600).doesNotHaveDuplicates()
            .allSatisfy(id -> assertThat(id).isBetween(first, first + 599));
        // Byte for byte: every line is a call's text as it was in an answer of the sandbox.
        assertThat(lines).allSatisfy(line -> assertThat(served).contains(line));
        List<String> novel = lines.stream().filter(line -> line.contains("\"np_sentiment_score\":")).toList();
        assertThat(novel).hasSizeBetween(60, 200).allSatisfy(line -> assertThat(line)
            .contains("\"call_status\":\"np_voicemail\"", "\"np_recording_url\":null", "\"np_billing\":{\"cents\":",
                "\"np_talk_ratio\":0.41", "\"role\":\"np_narrator\""));
        // Answered ones have a conversation: user messages with their unknown field, times as integers.
        assertThat(novel.stream().filter(line -> line.contains("\"role\":\"user\"")).toList())
            .hasSizeGreaterThan(novel.size() / 2).allSatisfy(line -> assertThat(line)
                .contains("\"np_confidence\":0.9").containsPattern("\"time\":17[0-9]{11}[,}]"));
        assertThat(lines).noneMatch(line -> line.matches(".*\"time\":[0-9.]+E.*"));
      }
    }
  }

  @Test
  void aConcurrentExportWritesTheSameCallsAsASequentialOne() throws IOException {
    Path sequential = dir.resolve("sequential.jsonl");
    Path concurrent = dir.resolve("concurrent.jsonl");

    Cli one = Cli.run(env, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
        "--out", sequential.toString(), "--page-size", "200");
    Cli four = Cli.run(env, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
        "--out", concurrent.toString(), "--page-size", "200", "--concurrency", "4");

    assertThat(one.exitCode).as(one.toString()).isZero();
    assertThat(four.exitCode).as(four.toString()).isZero();
    // Every call once; the windows are cut differently at concurrency 4, so only the order may differ.
    assertThat(idsIn(concurrent)).hasSize(CALLS).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(idsIn(sequential)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ExportState.pathFor(concurrent)).doesNotExist();
  }

  @Test
  void aConcurrencyOutOfRangeIsAUsageError() {
    Cli cli = Cli.run(env, "calls", "export", "--from", FROM.toString(), "--concurrency", "33");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("concurrency");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void csvHasTheHeaderAndQuotesCellsWithCommasQuotesAndLineBreaks() throws IOException {
    Path out = dir.resolve("calls.csv");

    Cli cli = Cli.run(env, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
        "--out", out.toString(), "--format", "csv");

    assertThat(cli.exitCode).as(cli.toString()).isZero();
    List<List<String>> rows = Csv.parse(Files.readString(out, StandardCharsets.UTF_8));
    // The header a user's spreadsheet or script reads the columns by (spelled out, not CsvWriter's own list).
    assertThat(rows.get(0)).containsExactly("id", "assistant_id", "call_status", "call_type", "started_at",
        "ended_at", "duration_ms", "source_number", "destination_number", "ended_reason", "failure_reason",
        "outcome", "summary", "transcript", "analysis_repetition_count", "analysis_interruption_count",
        "analysis_custom");
    assertThat(rows).hasSize(CALLS + 1);
    assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).hasSize(CsvWriter.COLUMNS.size()));
    assertThat(rows.subList(1, rows.size()).stream().map(row -> Long.parseLong(row.get(0))))
        .containsExactlyInAnyOrderElementsOf(ids);
    // Every cell holds what the API says of that call, under the API's names and values (in-progress,
    // not IN_PROGRESS), times as the same instants.
    for (List<String> row : rows.subList(1, rows.size())) {
      assertCellsShow(row, sandbox.call(Long.parseLong(row.get(0))).orElseThrow());
    }
    // Transcripts have line breaks (and sometimes commas): they survive quoting.
    assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(13)))
        .anySatisfy(transcript -> assertThat(transcript).contains("\n").contains(","));
    assertThat(CsvWriter.escape("say \"hi\", then\nbye")).isEqualTo("\"say \"\"hi\"\", then\nbye\"");
  }

  @Test
  void anInterruptedExportResumesWithNothingLostAndNothingDuplicated() throws IOException {
    Path out = dir.resolve("calls.jsonl");
    // A quarter of GETs fail (deterministically, from the sandbox's seed) and nothing retries them:
    // with this seed the export stops after a few completed pages.
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(0.25));
    Cli interrupted = Cli.run(env, "calls", "export", "--from", FROM.toString(), "--to", TO.toString(),
        "--out", out.toString(), "--page-size", "200", "--max-retries", "0");

    assertThat(interrupted.exitCode).as(interrupted.toString()).isEqualTo(1);
    assertThat(interrupted.err).contains("clarion: 503").doesNotContain("\tat ");
    assertThat(ExportState.pathFor(out)).exists();
    List<Long> before = idsIn(out);
    assertThat(before).isNotEmpty().hasSizeLessThan(CALLS);
    // A crash after a page was written but before its cursor was saved leaves a partial tail.
    Files.writeString(out, "{\"id\":999999,\"call_st", StandardOpenOption.APPEND);

    sandbox.clearFaults();
    int requestsBefore = sandbox.requests().size();
    Cli resumed = Cli.run(env, "calls", "export", "--resume", "--out", out.toString());

    assertThat(resumed.exitCode).as(resumed.toString()).isZero();
    assertThat(idsIn(out)).hasSize(CALLS).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain("999999");
    assertThat(ExportState.pathFor(out)).doesNotExist();
    // It continued where the saved cursor left off: no window starts before the millisecond of the
    // latest call the file kept (windows share their edge), so the range was not asked for again.
    Instant lastKept = before.stream().map(id -> sandbox.createdAt(id).orElseThrow()).max(Instant::compareTo)
        .orElseThrow().truncatedTo(ChronoUnit.MILLIS);
    assertThat(lastKept).isAfter(FROM);
    List<RecordedRequest> all = sandbox.requests();
    assertThat(all.subList(requestsBefore, all.size())).isNotEmpty().allSatisfy(request ->
        assertThat(Instant.parse(request.queryParameter("createdAtGe").orElseThrow())).isAfterOrEqualTo(lastKept));
  }

  @Test
  void resumingWithoutAnInterruptedExportIsAUsageError() {
    Cli cli = Cli.run(env, "calls", "export", "--resume", "--out", dir.resolve("none.jsonl").toString());

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("nothing to resume");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void badDatesAreUsageErrorsBeforeAnyRequest() {
    Cli cli = Cli.run(env, "calls", "export", "--from", "2026-13-01", "--out", dir.resolve("x").toString());

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("'2026-13-01' is not a date-time");
    assertThat(Cli.run(env, "calls", "export", "--from", "2026-02-01T00:00:00Z", "--to", "2026-01-01T00:00:00Z")
        .err).contains("from (2026-02-01T00:00:00Z) is after to (2026-01-01T00:00:00Z)");
    assertThat(Cli.run(env, "calls", "export").exitCode).isEqualTo(2);
    assertThat(sandbox.requests()).isEmpty();
  }

  /** Compares a CSV row with the call's fields by the API's names, in the header's order. */
  private static void assertCellsShow(List<String> row, Call call) throws IOException {
    JsonNode api = Json.MAPPER.valueToTree(call);
    JsonNode analysis = api.path("analysis");
    assertThat(row).hasSize(17);
    String id = "call " + call.getId();
    assertThat(row.subList(0, 4)).as(id).containsExactly(text(api, "id"), text(api, "assistant_id"),
        text(api, "call_status"), text(api, "call_type"));
    assertThat(instant(row.get(4))).as(id).isEqualTo(instant(text(api, "started_at")));
    assertThat(instant(row.get(5))).as(id).isEqualTo(instant(text(api, "ended_at")));
    assertThat(row.subList(6, 16)).as(id).containsExactly(text(api, "duration_ms"), text(api, "source_number"),
        text(api, "destination_number"), text(api, "ended_reason"), text(api, "failure_reason"),
        text(api, "outcome"), text(api, "summary"), text(api, "transcript"), text(analysis, "repetition_count"),
        text(analysis, "interruption_count"));
    assertThat(row.get(16).isEmpty() ? null : Json.MAPPER.readTree(row.get(16))).as(id)
        .isEqualTo(analysis.hasNonNull("custom") ? analysis.get("custom") : null);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : "";
  }

  private static Instant instant(String cell) {
    return cell.isEmpty() ? null : OffsetDateTime.parse(cell).toInstant();
  }

  private static List<Long> idsIn(Path jsonl) throws IOException {
    List<Long> result = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      JsonNode call = Json.MAPPER.readTree(line);
      result.add(call.get("id").asLong());
    }
    return result;
  }
}

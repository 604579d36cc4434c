package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** list, create, the embedded default, errors and help. */
class CommandsTest {
  private ClarionSandbox sandbox;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    // Answers recorded: what list prints is compared with what the API answered.
    sandbox = ClarionSandbox.builder().seed(11).recordResponses(true).start();
    sandbox.seed(300, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"),
        Distribution.UNIFORM);
    env = Map.of("CLARION_API_KEY", sandbox.apiKey(), "CLARION_BASE_URL", sandbox.baseUrl());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void listShowsOnePageAsATableOrJson() throws IOException {
    Cli table = Cli.run(env, "calls", "list", "--limit", "7");
    Cli json = Cli.run(env, "calls", "list", "--limit", "3", "--from", "2026-01-01", "--json");

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(json.exitCode).as(json.toString()).isZero();
    assertThat(sandbox.requests()).hasSize(2);
    RecordedRequest first = sandbox.requests().get(0);
    assertThat(first.queryParameter("limit")).contains("7");
    assertThat(first.queryParameter("createdAtGe")).isEmpty();
    assertThat(first.queryParameter("createdAtLe")).isEmpty();
    RecordedRequest second = sandbox.requests().get(1);
    assertThat(second.queryParameter("limit")).contains("3");
    assertThat(second.queryParameter("createdAtGe")).contains("2026-01-01T00:00:00.000Z");
    assertThat(second.header("Authorization")).contains("Bearer " + sandbox.apiKey());

    // The table shows the calls the API answered, in its order: id, status, start, duration,
    // destination and outcome of each, then the count.
    JsonNode answered = Json.MAPPER.readTree(first.responseBody().orElseThrow());
    assertThat(answered).hasSize(7);
    List<String> lines = table.out.lines().collect(Collectors.toList());
    assertThat(lines).hasSize(answered.size() + 2);
    assertThat(lines.get(0).split(" +")).containsExactly("ID", "STATUS", "STARTED", "DURATION", "DESTINATION", "OUTCOME");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("7 calls");
    Pattern row = Pattern.compile("(\\S+) +(\\S+) +(\\S+) +(-|\\d+\\.\\d s) +(\\S+) +(\\S+)");
    for (int i = 0; i < answered.size(); i++) {
      JsonNode call = answered.get(i);
      Matcher cells = row.matcher(lines.get(i + 1));
      assertThat(cells.matches()).as(lines.get(i + 1)).isTrue();
      assertThat(cells.group(1)).isEqualTo(call.get("id").asText());
      assertThat(cells.group(2)).isEqualTo(call.get("call_status").asText());
      assertThat(cells.group(3)).isEqualTo(call.hasNonNull("started_at")
          ? OffsetDateTime.parse(call.get("started_at").asText()).toString() : "-");
      assertThat(cells.group(4)).isEqualTo(call.hasNonNull("duration_ms")
          ? String.format(Locale.ROOT, "%.1f s", call.get("duration_ms").asLong() / 1000.0) : "-");
      assertThat(cells.group(5)).isEqualTo(call.get("destination_number").asText());
      assertThat(cells.group(6)).isEqualTo(call.hasNonNull("outcome") ? call.get("outcome").asText() : "-");
    }

    // --json prints the calls the API answered, whole.
    JsonNode printed = Json.MAPPER.readTree(json.out);
    JsonNode answeredJson = Json.MAPPER.readTree(second.responseBody().orElseThrow());
    assertThat(printed.isArray()).isTrue();
    assertThat(printed).hasSize(3);
    for (int i = 0; i < 3; i++) {
      long id = answeredJson.get(i).get("id").asLong();
      assertThat(printed.get(i).get("id").asLong()).isEqualTo(id);
      assertThat(Json.MAPPER.treeToValue(printed.get(i), Call.class)).isEqualTo(sandbox.call(id).orElseThrow());
    }
  }

  @Test
  void createPlacesOneCallAndPrintsIt() throws IOException {
    Cli cli = Cli.run(env, "calls", "create", "--assistant", "42", "--to", "+14155550123",
        "--from-number", "7", "--name", "Follow-up", "--param", "patient=Ada", "--param", "visit=2026-02-03");

    assertThat(cli.exitCode).as(cli.toString()).isZero();
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(sandbox.requests()).hasSize(1);
    RecordedRequest post = sandbox.requests().get(0);
    assertThat(post.method()).isEqualTo("POST");
    // What it prints is the call the API created: its id, not just a call-shaped object.
    JsonNode call = Json.MAPPER.readTree(cli.out);
    assertThat(call.get("id").asLong()).isEqualTo(post.createdCallId().orElseThrow());
    assertThat(call.get("assistant_id").asLong()).isEqualTo(42);
    assertThat(call.get("destination_number").asText()).isEqualTo("+14155550123");
    assertThat(call.get("call_status").asText()).isEqualTo("queued");
    JsonNode sent = Json.MAPPER.readTree(post.body());
    assertThat(sent.get("assistant_id").asLong()).isEqualTo(42);
    assertThat(sent.get("destination_phone_number").asText()).isEqualTo("+14155550123");
    assertThat(sent.get("source_phone_number_id").asLong()).isEqualTo(7);
    assertThat(sent.get("name").asText()).isEqualTo("Follow-up");
    assertThat(sent.get("task_parameters").get("patient").asText()).isEqualTo("Ada");
    assertThat(sent.get("task_parameters").get("visit").asText()).isEqualTo("2026-02-03");
  }

  @Test
  void aBadPhoneNumberIsAUsageErrorAndNothingIsSent() {
    Cli cli = Cli.run(env, "calls", "create", "--assistant", "42", "--to", "415-555-0123");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).startsWith("clarion: destination_phone_number must be an E.164 number")
        .doesNotContain("\tat ").doesNotContain("415-555-0123");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void anApiErrorIsOneLineWithExitOneAndNeverTheKey() {
    Map<String, String> wrongKey = Map.of("CLARION_API_KEY", "sk_live_wrong_secret_123",
        "CLARION_BASE_URL", sandbox.baseUrl());

    Cli cli = Cli.run(wrongKey, "calls", "list");

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.err).startsWith("clarion: 401").doesNotContain("sk_live_wrong_secret_123");
    assertThat(cli.err.lines()).hasSize(1);
    assertThat(sandbox.requests()).as("a 401 is not retried").hasSize(1);
  }

  /**
   * In a child JVM: the client's debug log goes to the process's real stderr (slf4j-simple), which an
   * in-process run does not capture, and turning it on sets a JVM-wide property this JVM should keep.
   */
  @Test
  void verboseShowsTheStackTraceAndTheClientsLogButNeverTheKey(@TempDir Path dir) throws Exception {
    String key = "sk_live_verbose_secret_8c2d";
    Process child = ChildJvm.start(Map.of("CLARION_API_KEY", key, "CLARION_BASE_URL", sandbox.baseUrl()),
        dir.resolve("out"), dir.resolve("err"), "calls", "list", "--limit", "5", "--verbose");
    if (!child.waitFor(60, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("clarion calls list --verbose did not end within 60 s");
    }
    String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as(err).isEqualTo(1);
    assertThat(err).contains("AuthenticationException").contains("\tat ").doesNotContain(key);
    assertThat(err.lines()).as("the client's debug line of the request")
        .anySatisfy(line -> assertThat(line).contains("DEBUG").contains("GET /call").contains("401"));
    assertThat(Files.readString(dir.resolve("out"), StandardCharsets.UTF_8)).doesNotContain(key);
    assertThat(sandbox.requests()).singleElement()
        .satisfies(request -> assertThat(request.header("Authorization")).contains("Bearer " + key));
  }

  @Test
  void withoutAKeyTheEmbeddedSandboxAnswersAndSaysSo() throws IOException {
    Cli cli = Cli.run(Map.of(), "calls", "list", "--limit", "2", "--json");
    Cli again = Cli.run(Map.of(), "calls", "list", "--limit", "2", "--json");

    assertThat(cli.exitCode).as(cli.toString()).isZero();
    assertThat(cli.err).startsWith("Using an embedded sandbox with 3000 calls")
        .contains("(CLARION_API_KEY is not set)");
    // The embedded sandbox holds the same 3000 calls in every run (newest first: ids 3000, 2999),
    // which is what lets an export interrupted in one run resume in the next.
    JsonNode calls = Json.MAPPER.readTree(cli.out);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).get("id").asLong()).isEqualTo(3000);
    assertThat(calls.get(1).get("id").asLong()).isEqualTo(2999);
    assertThat(again.out).isEqualTo(cli.out);
    assertThat(sandbox.requests()).isEmpty(); // the test's own sandbox was not the one asked
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "calls", "calls export", "calls list", "calls create", "sandbox"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");

    Cli cli = Cli.run(env, args);

    assertThat(cli.exitCode).isZero();
    // The help of the command asked for, not the top-level one.
    assertThat(cli.out).startsWith(("Usage: clarion " + command).trim() + " ");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli cli = Cli.run(env, "calls", "list", "--colour");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("Unknown option: '--colour'");
    assertThat(sandbox.requests()).isEmpty();
  }
}

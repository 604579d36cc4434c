package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** list, create, the embedded default, errors and help. */
class CommandsTest {
  private ClarionSandbox sandbox;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    sandbox = ClarionSandbox.builder().seed(11).start();
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
    assertThat(table.out).startsWith("ID ").contains("STATUS").endsWith("7 calls\n");
    assertThat(table.out.lines()).hasSize(9);
    assertThat(json.exitCode).isZero();
    JsonNode calls = Json.MAPPER.readTree(json.out);
    assertThat(calls.isArray()).isTrue();
    assertThat(calls).hasSize(3);
    assertThat(sandbox.requests()).hasSize(2);
    RecordedRequest second = sandbox.requests().get(1);
    assertThat(second.queryParameter("limit")).contains("3");
    assertThat(second.queryParameter("createdAtGe")).contains("2026-01-01T00:00:00.000Z");
    assertThat(second.header("Authorization")).contains("Bearer " + sandbox.apiKey());
  }

  @Test
  void createPlacesOneCallAndPrintsIt() throws IOException {
    Cli cli = Cli.run(env, "calls", "create", "--assistant", "42", "--to", "+14155550123",
        "--from-number", "7", "--name", "Follow-up", "--param", "patient=Ada", "--param", "visit=2026-02-03");

    assertThat(cli.exitCode).as(cli.toString()).isZero();
    JsonNode call = Json.MAPPER.readTree(cli.out);
    assertThat(call.get("assistant_id").asLong()).isEqualTo(42);
    assertThat(call.get("call_status").asText()).isEqualTo("queued");
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    JsonNode sent = Json.MAPPER.readTree(sandbox.requests().get(0).body());
    assertThat(sent.get("destination_phone_number").asText()).isEqualTo("+14155550123");
    assertThat(sent.get("source_phone_number_id").asLong()).isEqualTo(7);
    assertThat(sent.get("name").asText()).isEqualTo("Follow-up");
    assertThat(sent.get("task_parameters").get("patient").asText()).isEqualTo("Ada");
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
  }

  @Test
  void verboseShowsTheStackTrace() {
    Map<String, String> wrongKey = Map.of("CLARION_API_KEY", "wrong", "CLARION_BASE_URL", sandbox.baseUrl());

    Cli cli = Cli.run(wrongKey, "calls", "list", "--verbose");

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.err).contains("AuthenticationException").contains("\tat ");
  }

  @Test
  void withoutAKeyTheEmbeddedSandboxAnswersAndSaysSo() {
    Cli cli = Cli.run(Map.of(), "calls", "list", "--limit", "2");

    assertThat(cli.exitCode).as(cli.toString()).isZero();
    assertThat(cli.err).startsWith("Using an embedded sandbox with 3000 calls");
    assertThat(cli.out).endsWith("2 calls\n");
    assertThat(sandbox.requests()).isEmpty(); // the test's own sandbox was not the one asked
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "calls", "calls export", "calls list", "calls create", "sandbox"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");

    Cli cli = Cli.run(env, args);

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).startsWith("Usage: clarion");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli cli = Cli.run(env, "calls", "list", "--colour");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("Unknown option: '--colour'");
  }
}

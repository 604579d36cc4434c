package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {
  /** How long the command may take to start serving: generous, as the machine may be busy. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void servesTheSandboxUntilStopped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(Map.<String, String>of()::get, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server = new Thread(() -> exit.set(ClarionCli.run(console, "sandbox", "--port", "0", "--seed-calls", "50")));
    server.start();

    // Poll what it printed until the URL and key are there, up to a deadline (no fixed sleep to outwait).
    Pattern url = Pattern.compile("CLARION_BASE_URL=(\\S+)\\s+export CLARION_API_KEY=(\\S+)");
    Matcher matcher = url.matcher("");
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!matcher.reset(out.toString(StandardCharsets.UTF_8)).find() && server.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(matcher.find(0)).as(out.toString(StandardCharsets.UTF_8)).isTrue();
    String baseUrl = matcher.group(1);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest all = HttpRequest.newBuilder(URI.create(baseUrl + "/call?limit=1000"))
        .header("Authorization", "Bearer " + matcher.group(2)).build();
    HttpResponse<String> response = http.send(all, HttpResponse.BodyHandlers.ofString());

    server.interrupt();
    server.join(DEADLINE.toMillis());

    // It served what it said: the API with the --seed-calls calls, for the key it printed.
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode calls = Json.MAPPER.readTree(response.body());
    assertThat(calls.isArray()).isTrue();
    assertThat(calls).hasSize(50);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Clarion sandbox with 50 calls at " + baseUrl);
    // And once stopped, it serves nothing and the command ends with 0.
    assertThat(server.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThatThrownBy(() -> http.send(all, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }
}

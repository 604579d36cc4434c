package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {
  @Test
  void servesTheSandboxUntilStopped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(Map.<String, String>of()::get, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server = new Thread(() -> exit.set(ClarionCli.run(console, "sandbox", "--port", "0", "--seed-calls", "50")));
    server.start();

    Pattern url = Pattern.compile("CLARION_BASE_URL=(\\S+)\\s+export CLARION_API_KEY=(\\S+)");
    Matcher matcher = url.matcher("");
    for (int i = 0; i < 200 && !matcher.reset(out.toString(StandardCharsets.UTF_8)).find(); i++) {
      Thread.sleep(50);
    }
    assertThat(matcher.find(0)).as(out.toString(StandardCharsets.UTF_8)).isTrue();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(matcher.group(1) + "/call?limit=1000"))
            .header("Authorization", "Bearer " + matcher.group(2)).build(),
        HttpResponse.BodyHandlers.ofString());

    server.interrupt();
    server.join(10_000);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("[");
    assertThat(exit.get()).isZero();
  }
}

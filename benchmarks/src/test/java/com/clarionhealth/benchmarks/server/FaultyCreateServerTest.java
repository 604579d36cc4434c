package com.clarionhealth.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The create-load server: every 20th create fails, the kinds taking turns, and creations are counted by name. */
class FaultyCreateServerTest {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> create(FaultyCreateServer server, String name) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/call"))
        .timeout(Duration.ofSeconds(1))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"assistant_id\":42,\"name\":\"" + name + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyTwentiethCreateFailsInTurnAndCreationsAreCountedByName() throws Exception {
    try (FaultyCreateServer server = new FaultyCreateServer("warm-up-")) {
      assertThat(create(server, "warm-up-0").statusCode()).isEqualTo(200); // exempt: not counted
      for (int i = 1; i < 20; i++) {
        HttpResponse<String> ok = create(server, "r" + i);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("{\"id\":");
      }
      HttpResponse<String> twentieth = create(server, "r20"); // fault 1: 503 after creating
      assertThat(twentieth.statusCode()).isEqualTo(503);
      assertThat(server.creations("r20")).isEqualTo(1);
      for (int i = 21; i < 40; i++) {
        assertThat(create(server, "r" + i).statusCode()).isEqualTo(200);
      }
      assertThatThrownBy(() -> create(server, "r40")).isInstanceOf(IOException.class); // fault 2: reset
      assertThat(server.creations("r40")).isEqualTo(1);
      for (int i = 41; i < 60; i++) {
        assertThat(create(server, "r" + i).statusCode()).isEqualTo(200);
      }
      assertThatThrownBy(() -> create(server, "r60")).isInstanceOf(HttpTimeoutException.class); // fault 3: held
      assertThat(server.creations("r60")).isEqualTo(1);
      for (int i = 61; i < 80; i++) {
        assertThat(create(server, "r" + i).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = create(server, "r80"); // fault 4: 429, not created
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("0");
      assertThat(server.creations("r80")).isZero();
      for (int i = 81; i < 100; i++) {
        assertThat(create(server, "r" + i).statusCode()).isEqualTo(200);
      }
      assertThat(create(server, "r100").statusCode()).isEqualTo(503); // fault 0: 503 before creating
      assertThat(server.creations("r100")).isZero();

      assertThat(server.posts()).isEqualTo(100);
      assertThat(server.created()).isEqualTo(98);
      assertThat(server.duplicates()).isEmpty();
      assertThat(server.faults("r40")).containsExactly(FaultyCreateServer.Fault.RESET_AFTER_CREATING);
      assertThat(server.faultCounts().values()).containsOnly(1);
      assertThat(server.problems()).isEmpty();
    }
  }
}

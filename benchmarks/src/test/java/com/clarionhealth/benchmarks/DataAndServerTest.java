package com.clarionhealth.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.benchmarks.data.CallBodies;
import com.clarionhealth.benchmarks.data.Dataset;
import com.clarionhealth.benchmarks.data.Distribution;
import com.clarionhealth.benchmarks.server.CallServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small checks of what the scenarios stand on: the known windows and the server's inclusive windows. */
class DataAndServerTest {
  @Test
  void knownWindowsCoverEveryCallOnceWithFewerThanALimitEach() {
    Dataset data = Dataset.generate(Distribution.BURSTY, 5_000, 4, 42);
    List<long[]> windows = data.knownWindows(999);
    int covered = 0;
    long previousEnd = data.startMillis();
    for (long[] w : windows) {
      assertThat(w[0]).isEqualTo(previousEnd);
      int[] range = data.window(w[0] * 1000, w[1] * 1000);
      assertThat(range[1] - range[0]).isLessThanOrEqualTo(999);
      covered += range[1] - range[0];
      previousEnd = w[1];
    }
    assertThat(previousEnd).isEqualTo(data.endMillis());
    assertThat(covered).isEqualTo(data.size()); // no call on a shared edge, none left out
  }

  @Test
  void theServerAnswersAnInclusiveWindowNewestFirstAsJson() throws Exception {
    Dataset data = Dataset.generate(Distribution.UNIFORM, 2_000, 1, 42);
    try (CallServer server = new CallServer(data, CallBodies.lean(), CallServer.Order.NEWEST_FIRST, Duration.ZERO)) {
      HttpClient http = HttpClient.newHttpClient();
      String query = "?limit=3&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-08T00%3A00%3A00.000Z";
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/call" + query))
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      long newest = data.id(data.size() - 1);
      assertThat(response.body()).startsWith("[{\"id\":" + newest + ",\"call_status\":\"ended\"}");
      assertThat(response.body().split("\\{\"id\"")).hasSize(4);
      assertThat(server.getRequests()).isEqualTo(1);
      assertThat(server.fullPages()).isEqualTo(1);
    }
  }
}

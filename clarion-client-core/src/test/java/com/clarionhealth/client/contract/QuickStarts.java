package com.clarionhealth.client.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * What the README quick-start tests of both clients share: the answers their code runs against, and
 * the check that the README still shows, character for character, the code the test compiles.
 */
public final class QuickStarts {
  private QuickStarts() {}

  /** A placed call for {@code POST /call}, and two calls of January for {@code GET /call}. */
  public static void stubAnswers(WireMockExtension server) {
    server.stubFor(post("/call").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"id\":1,\"assistant_id\":42,\"call_status\":\"queued\"}")));
    server.stubFor(get(urlPathEqualTo("/call")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"id\":1,\"call_status\":\"ended\"},{\"id\":2,\"call_status\":\"np_voicemail\"}]")));
  }

  /**
   * Asserts that the module's {@code ../README.md} contains the lines of {@code testSource} between
   * {@code // marker:begin} and {@code // marker:end}, as a method body indents them (four spaces).
   */
  public static void assertReadmeShows(String testSource, String marker) throws IOException {
    String source = Files.readString(Path.of(testSource), StandardCharsets.UTF_8);
    String begin = "// " + marker + ":begin";
    String snippet = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("    // " + marker + ":end"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains(snippet.lines().skip(1)
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n")));
  }
}

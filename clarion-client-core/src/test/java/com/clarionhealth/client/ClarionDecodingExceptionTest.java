package com.clarionhealth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClarionDecodingExceptionTest {

  private static final String WARNING = "the call may have been placed; check GET /call before creating it again";

  @Test
  void htmlInsteadOfJson() {
    IOException cause = new IOException("Unexpected character ('<' (code 60))\n at [Source: secret body]");
    ClarionDecodingException e = ClarionDecodingException.create("GET", "/call", 200,
        Map.of("content-type", List.of("text/html"), "X-Request-Id", List.of("r9")),
        "<html>\n<body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8), cause);

    assertThat(e.getMessage()).isEqualTo("could not decode the 200 OK response to GET /call "
        + "(request id r9, content type text/html): <html> <body>Bad gateway</body></html>");
    assertThat(e.getMessage()).doesNotContain("Source");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.contentType()).contains("text/html");
    assertThat(e.requestId()).contains("r9");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
  }

  @Test
  void undecodableAnswerToACreatedCallWarns() {
    ClarionDecodingException e = ClarionDecodingException.create(
        "POST", "/call", 201, null, "{\"id\":\"c_1\",".getBytes(StandardCharsets.UTF_8), null);
    assertThat(e.getMessage()).isEqualTo("could not decode the 201 Created response to POST /call "
        + "(no content type): {\"id\":\"c_1\", -- " + WARNING);
    assertThat(e.contentType()).isEmpty();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
  }

  @Test
  void bodyUsesTheSameBound() {
    byte[] body = new byte[ClarionApiException.MAX_BODY_BYTES + 100];
    Arrays.fill(body, (byte) '{');
    ClarionDecodingException e = ClarionDecodingException.create("GET", "/call", 200, null, body, null);
    assertThat(e.body()).hasSize(ClarionApiException.MAX_BODY_BYTES);
    assertThat(e.bodyTruncatedBytes()).isEqualTo(100);
  }
}

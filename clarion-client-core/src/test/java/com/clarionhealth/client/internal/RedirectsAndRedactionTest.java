package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectsAndRedactionTest {
  private static final URI FROM = URI.create("https://api.clarionhealth.com/v1/call?limit=5");

  @Test
  void aGetFollowsRedirectsToHttpsOrLoopbackOnly() {
    assertThat(Redirects.target("GET", FROM, 302, Optional.of("/v2/call")))
        .contains(URI.create("https://api.clarionhealth.com/v2/call"));
    assertThat(Redirects.target("GET", FROM, 308, Optional.of("https://other.example/call")))
        .contains(URI.create("https://other.example/call"));
    assertThat(Redirects.target("GET", FROM, 301, Optional.of("http://127.0.0.1:8080/call"))).isPresent();
    assertThat(Redirects.target("GET", FROM, 302, Optional.of("http://other.example/call"))).isEmpty();
    assertThat(Redirects.target("GET", FROM, 302, Optional.of("ftp://other.example/call"))).isEmpty();
    assertThat(Redirects.target("GET", FROM, 302, Optional.of("::not a uri::"))).isEmpty();
    assertThat(Redirects.target("GET", FROM, 302, Optional.empty())).isEmpty();
    assertThat(Redirects.target("GET", FROM, 304, Optional.of("/v2/call"))).isEmpty();
  }

  @Test
  void aPostIsNeverSentElsewhere() {
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      assertThat(Redirects.target("POST", FROM, status, Optional.of("/v1/call"))).isEmpty();
    }
  }

  @Test
  void theKeySentIsReplacedWhereverItIsEchoed() {
    byte[] body = "{\"error\":\"bad key abc123 (Bearer abc123)\"}".getBytes(StandardCharsets.UTF_8);

    byte[] redacted = Redaction.withoutKey(body, "Bearer abc123");

    assertThat(new String(redacted, StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"bad key [redacted] (Bearer [redacted])\"}");
    assertThat(Redaction.withoutKey(body, "Bearer zzz")).isSameAs(body);
    assertThat(Redaction.withoutKey(null, "Bearer abc123")).isNull();
  }

  @Test
  void theKeyIsRedactedFromHeaderValuesSoThatARequestIdCannotCarryIt() {
    java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
    headers.put("x-request-id", java.util.List.of("req_abc123"));
    headers.put("X-Echo", java.util.List.of("Bearer abc123", "other"));

    assertThat(Redaction.headersWithoutKey(headers, "Bearer abc123"))
        .containsEntry("x-request-id", java.util.List.of("req_[redacted]"))
        .containsEntry("X-Echo", java.util.List.of("Bearer [redacted]", "other"));
    assertThat(Redaction.headersWithoutKey(headers, null)).isSameAs(headers);
  }
}

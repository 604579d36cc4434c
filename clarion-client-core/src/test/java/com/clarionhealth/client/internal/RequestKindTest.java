package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestKindTest {

  @ParameterizedTest
  @CsvSource({
      "GET, /call, IDEMPOTENT",
      "get, /call, IDEMPOTENT",
      "HEAD, /call, IDEMPOTENT",
      "OPTIONS, /call, IDEMPOTENT",
      "POST, /call, CREATE_CALL",
      "POST, /other, CREATE_CALL",
      "PUT, /call, CREATE_CALL",
      "DELETE, /call, CREATE_CALL",
      "PATCH, /call, CREATE_CALL"})
  void kindOfRequest(String method, String path, RequestKind expected) {
    assertThat(RequestKind.of(method, path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "POST, /call, true",
      "post, /call, true",
      "POST, /call/, true",
      "POST, call, true",
      "POST, /v1/call, true",
      "POST, /call?dry_run=true, true",
      "POST, /call#x, true",
      "GET, /call, false",
      "PUT, /call, false",
      "POST, /calls, false",
      "POST, /call/123, false",
      "POST, /recall, false",
      "POST, /, false"})
  void createCallIsPostToCall(String method, String path, boolean expected) {
    assertThat(RequestKind.isCreateCall(method, path)).isEqualTo(expected);
  }
}

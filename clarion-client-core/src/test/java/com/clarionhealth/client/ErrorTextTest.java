package com.clarionhealth.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTextTest {

  /**
   * Which requests create a call: their failures after sending warn that a patient may have been
   * rung. A false negative would invite a second call; a false positive only a needless check.
   */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "POST, /call, true",
      "post, /call, true",
      "' POST ', /call, true",
      "POST, /call/, true",
      "POST, call, true",
      "POST, /v1/call, true",
      "POST, https://api.clarionhealth.com/v1/call, true",
      "POST, /call?dry_run=true, true",
      "POST, /call#x, true",
      "GET, /call, false",
      "PUT, /call, false",
      "DELETE, /call, false",
      "POST, /calls, false",
      "POST, /call/123, false",
      "POST, /recall, false",
      "POST, /callx, false",
      "POST, /, false",
      "POST, '', false"})
  void createCallIsPostToCall(String method, String path, boolean expected) {
    assertThat(ErrorText.isCreateCall(method, path)).isEqualTo(expected);
    // And what users see of it: the warning on a 5xx, which is the same decision.
    ClarionApiException failure = ClarionApiException.create(method, path, 503, null, null);
    assertThat(failure.callMayHaveBeenPlaced()).isEqualTo(expected);
    assertThat(failure.getMessage().contains(ErrorText.CALL_MAY_HAVE_BEEN_PLACED)).isEqualTo(expected);
  }
}

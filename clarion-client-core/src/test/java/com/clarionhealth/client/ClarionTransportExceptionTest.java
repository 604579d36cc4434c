package com.clarionhealth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ClarionTransportExceptionTest {

  private static final String WARNING = "the call may have been placed; check GET /call before creating it again";

  @Test
  void couldNotConnect() {
    ConnectException cause = new ConnectException("Connection refused");
    ClarionTransportException e = ClarionTransportException.create("POST", "/call", false, cause);
    assertThat(e.getMessage()).isEqualTo("POST /call failed: could not connect (ConnectException: Connection refused)");
    assertThat(e.requestSent()).isFalse();
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo("/call");
  }

  @Test
  void resetAfterSendingACallWarns() {
    ClarionTransportException e =
        ClarionTransportException.create("post", "/call", true, new IOException("Connection reset"));
    assertThat(e.getMessage()).isEqualTo(
        "POST /call failed after the request was sent (IOException: Connection reset) -- " + WARNING);
    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
  }

  @Test
  void resetAfterSendingAListDoesNotWarn() {
    ClarionTransportException e = ClarionTransportException.create("GET", "/call?limit=5", true, new IOException());
    assertThat(e.getMessage()).isEqualTo("GET /call failed after the request was sent (IOException)");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
  }

  @Test
  void withoutCause() {
    assertThat(ClarionTransportException.create("GET", "/call", false, null).getMessage())
        .isEqualTo("GET /call failed: could not connect");
  }

  @Test
  void connectTimeoutWasNotSent() {
    ClarionTimeoutException e = ClarionTimeoutException.connectTimeout(
        "POST", "/call", new HttpConnectTimeoutException("HTTP connect timed out"));
    assertThat(e).isInstanceOf(ClarionTransportException.class);
    assertThat(e.requestSent()).isFalse();
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo("POST /call timed out connecting (HttpConnectTimeoutException: HTTP connect timed out)");
  }

  @Test
  void responseTimeoutOnACallWarns() {
    ClarionTimeoutException e =
        ClarionTimeoutException.responseTimeout("POST", "/call", new HttpTimeoutException("request timed out"));
    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).isEqualTo(
        "POST /call timed out waiting for the response (HttpTimeoutException: request timed out) -- " + WARNING);
  }

  @Test
  void causeMessageIsCollapsedToOneLine() {
    IOException cause = new IOException("first line\nsecond line\r\n\tthird");
    assertThat(ClarionTransportException.create("GET", "/call", true, cause).getMessage())
        .isEqualTo("GET /call failed after the request was sent (IOException: first line second line third)");
  }
}

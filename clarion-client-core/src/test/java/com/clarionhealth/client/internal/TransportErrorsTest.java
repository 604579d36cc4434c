package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * What a failure without an answer stands for. The one thing that must never be wrong: "not sent"
 * only when the connection was never made, since that is what lets {@code POST /call} be retried.
 */
class TransportErrorsTest {

  // Shaped like the libraries' own: Netty's ConnectTimeoutException extends ConnectException, and a
  // Reactor timeout is a TimeoutException; each transport names them through its predicates.
  static final class LibraryConnectTimeout extends ConnectException {
    private static final long serialVersionUID = 1L;

    LibraryConnectTimeout() {
      super("connection timed out: api.clarionhealth.com/203.0.113.7:443");
    }
  }

  static final class LibraryPoolAcquireTimeout extends TimeoutException {
    private static final long serialVersionUID = 1L;
  }

  static final class LibraryReadTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static final TransportErrors ERRORS = new TransportErrors(
      e -> e instanceof LibraryConnectTimeout || e instanceof LibraryPoolAcquireTimeout,
      e -> e instanceof LibraryReadTimeout);

  /** No library-specific exceptions at all: what the JDK's own exceptions give. */
  private static final TransportErrors JDK_ONLY = new TransportErrors(e -> false, e -> false);

  private static ClarionException classify(Throwable error) {
    return ERRORS.classify("POST", "/call", error);
  }

  private static void assertNotSent(ClarionException e, Class<?> type) {
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(((ClarionTransportException) e).requestSent()).as("requestSent").isFalse();
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
  }

  private static void assertSent(ClarionException e, Class<?> type) {
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(((ClarionTransportException) e).requestSent()).as("requestSent").isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
  }

  @Test
  void aConnectionNeverMadeWasNotSent() {
    List<Throwable> neverConnected = List.of(
        new ConnectException("Connection refused"),
        new UnknownHostException("api.clarionhealth.com"),
        new NoRouteToHostException("No route to host"),
        new UnresolvedAddressException(),
        new SSLHandshakeException("PKIX path building failed"));
    for (Throwable error : neverConnected) {
      ClarionException e = classify(error);
      assertNotSent(e, ClarionTransportException.class);
      assertThat(e.getCause()).isSameAs(error);
      assertThat(e.getMessage()).startsWith("POST /call failed: could not connect");
    }
  }

  @Test
  void theTransportsConnectTimeoutWasNotSentAndIsATimeout() {
    ClarionException e = classify(new LibraryConnectTimeout());
    assertNotSent(e, ClarionTimeoutException.class);
    assertThat(e.getMessage()).startsWith("POST /call timed out connecting");
  }

  @Test
  void theConnectTimeoutPredicateIsCheckedFirst() {
    // LibraryConnectTimeout is a ConnectException: checked later it would be a plain "could not
    // connect". LibraryPoolAcquireTimeout is a TimeoutException: checked later it would be a response
    // timeout, "sent", and a POST /call that never left would not be retried.
    assertThat(new LibraryConnectTimeout()).isInstanceOf(ConnectException.class);
    assertNotSent(classify(new LibraryConnectTimeout()), ClarionTimeoutException.class);
    assertThat(new LibraryPoolAcquireTimeout()).isInstanceOf(TimeoutException.class);
    assertNotSent(classify(new LibraryPoolAcquireTimeout()), ClarionTimeoutException.class);
    // ...also when wrapped in something that would otherwise decide.
    assertNotSent(classify(new SocketTimeoutException("wrapper") {
      private static final long serialVersionUID = 1L;

      {
        initCause(new LibraryConnectTimeout());
      }
    }), ClarionTimeoutException.class);
  }

  @Test
  void aResponseTimeoutMayHaveBeenSent() {
    List<Throwable> timeouts = List.of(
        new TimeoutException("Did not observe any item or terminal signal within 60000ms"),
        new SocketTimeoutException("Read timed out"),
        new LibraryReadTimeout());
    for (Throwable error : timeouts) {
      ClarionException e = classify(error);
      assertSent(e, ClarionTimeoutException.class);
      assertThat(e.getMessage()).startsWith("POST /call timed out waiting for the response");
    }
    // Without the library's predicate its read timeout is unknown, which is still "sent".
    assertSent(JDK_ONLY.classify("POST", "/call", new LibraryReadTimeout()), ClarionTransportException.class);
    // A JDK-only classification of a library connect timeout that extends ConnectException: not sent.
    assertNotSent(JDK_ONLY.classify("POST", "/call", new LibraryConnectTimeout()), ClarionTransportException.class);
  }

  @Test
  void anythingElseMayHaveBeenSent() {
    // The cautious answer: a reset, an EOF or a failure nobody recognises may have placed the call.
    List<Throwable> others = List.of(
        new IOException("Connection reset by peer"),
        new EOFException("EOF reached while reading"),
        new SocketException("Broken pipe"),
        new ClosedChannelException(),
        new SSLException("Received fatal alert: bad_record_mac"),
        new IllegalStateException("something nobody expected"),
        new UncheckedIOException(new IOException("stream closed")));
    for (Throwable error : others) {
      ClarionException e = classify(error);
      assertSent(e, ClarionTransportException.class);
      assertThat(e.getCause()).isSameAs(error);
      assertThat(e.getMessage()).startsWith("POST /call failed after the request was sent").endsWith(
          "-- the call may have been placed; check GET /call before creating it again");
    }
  }

  @Test
  void causesAreFoundDeepInTheChain() {
    Throwable refused = new ExecutionException(new CompletionException(
        new IOException("connect failed", new RuntimeException(new ConnectException("Connection refused")))));
    assertNotSent(classify(refused), ClarionTransportException.class);
    assertThat(classify(refused).getCause()).isSameAs(refused);

    assertNotSent(classify(new CompletionException(new IOException(new LibraryConnectTimeout()))),
        ClarionTimeoutException.class);
    assertSent(classify(new ExecutionException(new IOException(new SocketTimeoutException("Read timed out")))),
        ClarionTimeoutException.class);
    assertSent(classify(new RuntimeException(new RuntimeException(new LibraryReadTimeout()))),
        ClarionTimeoutException.class);
  }

  @Test
  void aCycleInTheCauseChainEnds() {
    IOException a = new IOException("a");
    IOException b = new IOException("b", a);
    a.initCause(b); // a -> b -> a -> ...
    assertSent(classify(a), ClarionTransportException.class);
    assertThat(TransportErrors.isAbort(a)).isFalse();
  }

  @Test
  void aClarionExceptionIsPassedThroughAsItIs() {
    ClarionException own = ClarionTransportException.create("POST", "/call", false, null);
    assertThat(classify(own)).isSameAs(own);
    ClarionException timeout = ClarionTimeoutException.responseTimeout("GET", "/call", null);
    assertThat(classify(timeout)).isSameAs(timeout);
    ClarionException answered = ClarionApiException.create("GET", "/call", 503, null, null);
    assertThat(classify(answered)).isSameAs(answered);
    ClarionException undecodable = ClarionDecodingException.create("GET", "/call", 200, null, null, null);
    assertThat(classify(undecodable)).isSameAs(undecodable);
  }

  @Test
  void theRequestIsNamedWithoutItsQuery() {
    ClarionTransportException e = (ClarionTransportException)
        ERRORS.classify("get", "/call?phone_number=%2B14155550123", new IOException("reset"));
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/call");
    assertThat(e.getMessage()).doesNotContain("4155550123");
    assertThat(e.callMayHaveBeenPlaced()).isFalse(); // a GET places nothing
  }

  @Test
  void anInterruptOrACancellationAnywhereInTheChainIsAnAbort() {
    assertThat(TransportErrors.isAbort(new InterruptedException())).isTrue();
    assertThat(TransportErrors.isAbort(new CancellationException())).isTrue();
    assertThat(TransportErrors.isAbort(new IOException(new RuntimeException(new InterruptedException())))).isTrue();
    assertThat(TransportErrors.isAbort(new ExecutionException(new CancellationException()))).isTrue();
    assertThat(TransportErrors.isAbort(new IOException("reset"))).isFalse();
    assertThat(TransportErrors.isAbort(new TimeoutException())).isFalse();
  }
}

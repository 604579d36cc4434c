package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one attempt of a request failed, as far as retrying is concerned.
 *
 * <p>The one thing that matters for {@code POST /call} is {@link #mayHaveReachedServer()}. Only {@link #notSent()}
 * and {@code timeout(false)} say "certainly not"; every other factory says "maybe". A client that cannot tell
 * whether its request left must use {@link #ioAfterSend()} or {@code timeout(true)}: the cautious answer.
 *
 * <p>Not API: see the {@linkplain com.clarionhealth.client.internal package documentation}.
 */
public final class Failure {

  private enum Type { NOT_SENT, CONNECT_TIMEOUT, RESPONSE_TIMEOUT, IO_AFTER_SEND, STATUS }

  private static final Failure NOT_SENT = new Failure(Type.NOT_SENT, 0, null);
  private static final Failure CONNECT_TIMEOUT = new Failure(Type.CONNECT_TIMEOUT, 0, null);
  private static final Failure RESPONSE_TIMEOUT = new Failure(Type.RESPONSE_TIMEOUT, 0, null);
  private static final Failure IO_AFTER_SEND = new Failure(Type.IO_AFTER_SEND, 0, null);

  private final Type type;
  private final int status;
  private final Duration retryAfter;

  private Failure(Type type, int status, Duration retryAfter) {
    this.type = type;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /**
   * The connection could not be made (refused, DNS failure, unreachable, TLS handshake failed): no byte of the
   * request reached the server.
   *
   * @return the failure
   */
  public static Failure notSent() {
    return NOT_SENT;
  }

  /**
   * A timeout.
   *
   * @param sent false only for a connect timeout (the request never left); true once any part of the request may
   *             have been written, e.g. a response timeout
   * @return the failure
   */
  public static Failure timeout(boolean sent) {
    return sent ? RESPONSE_TIMEOUT : CONNECT_TIMEOUT;
  }

  /**
   * An I/O failure once the request may have been sent: connection reset, unexpected EOF, broken pipe, or any
   * transport failure whose timing is unknown.
   *
   * @return the failure
   */
  public static Failure ioAfterSend() {
    return IO_AFTER_SEND;
  }

  /**
   * The server answered with a non-2xx status.
   *
   * @param status     the HTTP status, 100..999 and not 2xx
   * @param retryAfter the parsed {@code Retry-After} header, if any (see {@link RetryAfter#parse})
   * @return the failure
   */
  public static Failure status(int status, Optional<Duration> retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (status < 100 || status > 999 || (status >= 200 && status < 300)) {
      throw new IllegalArgumentException("status must be a non-2xx HTTP status, was " + status);
    }
    Duration ra = retryAfter.orElse(null);
    if (ra != null && ra.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + ra);
    }
    return new Failure(Type.STATUS, status, ra);
  }

  /**
   * The server answered with a non-2xx status and no usable {@code Retry-After}.
   *
   * @param status the HTTP status
   * @return the failure
   */
  public static Failure status(int status) {
    return status(status, Optional.empty());
  }

  /**
   * The failure an exception stands for, so both clients classify it the same way.
   *
   * @param e     what the attempt threw
   * @param clock the current time, for an HTTP-date {@code Retry-After}
   * @return the failure; empty for exceptions that are never retried (decoding, paging)
   */
  public static Optional<Failure> from(ClarionException e, Clock clock) {
    Objects.requireNonNull(e, "e == null");
    Objects.requireNonNull(clock, "clock == null");
    if (e instanceof ClarionApiException) {
      ClarionApiException api = (ClarionApiException) e;
      return Optional.of(status(api.statusCode(),
          RetryAfter.parse(api.header(RetryAfter.HEADER).orElse(null), clock)));
    }
    if (e instanceof ClarionTimeoutException) {
      return Optional.of(timeout(((ClarionTimeoutException) e).requestSent()));
    }
    if (e instanceof ClarionTransportException) {
      return Optional.of(((ClarionTransportException) e).requestSent() ? ioAfterSend() : notSent());
    }
    return Optional.empty();
  }

  /**
   * Whether the server may have received, and acted on, the request. False only when the connection could not
   * be made; a status answer proves it arrived.
   *
   * @return true unless the request certainly never left
   */
  public boolean mayHaveReachedServer() {
    return type != Type.NOT_SENT && type != Type.CONNECT_TIMEOUT;
  }

  /**
   * The HTTP status the server answered with.
   *
   * @return the status; empty for transport failures
   */
  public OptionalInt status() {
    return type == Type.STATUS ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /**
   * The server's {@code Retry-After}.
   *
   * @return the delay; empty if none was given or this is a transport failure
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether this is a timeout (connect or response).
   *
   * @return true for {@link #timeout(boolean)}
   */
  public boolean isTimeout() {
    return type == Type.CONNECT_TIMEOUT || type == Type.RESPONSE_TIMEOUT;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Failure)) {
      return false;
    }
    Failure other = (Failure) o;
    return type == other.type && status == other.status && Objects.equals(retryAfter, other.retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, retryAfter);
  }

  @Override
  public String toString() {
    switch (type) {
      case STATUS:
        return "Failure[status " + status + (retryAfter == null ? "" : ", retryAfter " + retryAfter) + "]";
      case NOT_SENT:
        return "Failure[not sent]";
      case CONNECT_TIMEOUT:
        return "Failure[connect timeout, not sent]";
      case RESPONSE_TIMEOUT:
        return "Failure[timeout after send]";
      default:
        return "Failure[I/O error after send]";
    }
  }
}

package com.clarionhealth.client.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A fault the sandbox answers a share of requests with, instead of its normal answer. Immutable: every
 * method returns a new rule. Add rules with {@link ClarionSandbox#addFault(FaultRule)}.
 *
 * <pre>{@code
 * sandbox.addFault(FaultRule.rateLimited(Duration.ofSeconds(2)).onGet().share(0.25));
 * sandbox.addFault(FaultRule.serviceUnavailable().onPost().share(1.0).times(1).callCreated());
 * }</pre>
 *
 * <h2>Which requests</h2>
 *
 * A rule applies to {@code GET /call} and {@code POST /call} unless narrowed with {@link #onGet()} or
 * {@link #onPost()}. Only requests that would otherwise succeed are faulted: a request with a bad key or an
 * invalid body gets its 401, 400 or 422 and draws nothing. For each such request the sandbox draws one number
 * in [0, 1) from its seed, the method and the request's rank among the valid requests of that method (so the
 * n-th valid {@code POST} meets the same fault in every run, whatever the {@code GET}s in between); the rules
 * of that method share [0, 1) in the order they were added, each taking its {@link #share(double)}. A rule
 * limited by {@link #times(int)} stops taking part once it has fired that often. The shares of the rules of
 * one method that still take part must add up to at most 1.
 *
 * <h2>POST: was the call placed?</h2>
 *
 * A {@code POST /call} that fails may or may not have rung a phone, and a client must never send it again
 * unless it knows that nothing was placed. A rule states which case it models:
 *
 * <ul>
 *   <li>{@link #callCreated()} — the dangerous case, and the <b>default</b> of every kind but
 *       {@link Kind#RATE_LIMITED}: the sandbox creates the call (it is stored, listed by {@code GET /call},
 *       advances through its lifecycle and is counted by {@link ClarionSandbox#callsCreated()}), and only
 *       then fails to answer (503, reset connection, truncated or malformed body, or an answer so late that the
 *       client has timed out). A correct client reports "may have been placed" and does not retry.
 *   <li>{@link #callNotCreated()} — refused before creating anything: nothing is stored or counted. Always
 *       the case for {@link Kind#RATE_LIMITED} (a 429 is a refusal, and a client may retry it); allowed for
 *       {@link Kind#SERVICE_UNAVAILABLE}, {@link Kind#CONNECTION_RESET} and {@link Kind#DELAY} (which then
 *       answers 503 after the delay); not for the kinds that answer with the created call's body.
 * </ul>
 *
 * For {@code GET /call} the distinction does not exist and is ignored.
 */
public final class FaultRule {
  /** What the client gets. */
  public enum Kind {
    /** {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds. A POST creates nothing. */
    RATE_LIMITED,
    /** {@code 503 Service Unavailable} with a small JSON body. */
    SERVICE_UNAVAILABLE,
    /** The connection is reset (TCP RST) without any response: WireMock's {@code CONNECTION_RESET_BY_PEER}. */
    CONNECTION_RESET,
    /**
     * A {@code 200} status line and headers, then a broken chunk of body and the connection closes: WireMock's
     * {@code MALFORMED_RESPONSE_CHUNK}. The client sees an I/O error while reading the body.
     */
    TRUNCATED_BODY,
    /**
     * A complete, well-formed HTTP {@code 200} whose JSON body stops halfway (its {@code Content-Length} is
     * that of the cut body). The client sees a decoding error.
     */
    MALFORMED_JSON,
    /**
     * The normal answer, sent after a real (wall-clock) delay, so that a client's request timeout fires. A POST
     * has created the call when the delay starts, unless {@link #callNotCreated()}: then the answer after the
     * delay is a 503 and nothing is created.
     */
    DELAY
  }

  private static final int GET = 1;
  private static final int POST = 2;

  private final Kind kind;
  private final int methods;
  private final double share;
  private final int times;
  private final boolean callCreated;
  private final Duration duration;

  private FaultRule(Kind kind, int methods, double share, int times, boolean callCreated, Duration duration) {
    this.kind = kind;
    this.methods = methods;
    this.share = share;
    this.times = times;
    this.callCreated = callCreated;
    this.duration = duration;
  }

  private static FaultRule of(Kind kind, boolean callCreated, Duration duration) {
    return new FaultRule(kind, GET | POST, 1.0, -1, callCreated, duration);
  }

  /**
   * {@code 429} with {@code Retry-After: <seconds>} ({@code retryAfter} rounded up to whole seconds). A
   * {@code POST /call} answered so was refused: no call is created.
   */
  public static FaultRule rateLimited(Duration retryAfter) {
    requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
    }
    return of(Kind.RATE_LIMITED, false, retryAfter);
  }

  /** {@code 503}. On {@code POST /call}, by default the call is created first: see {@link #callNotCreated()}. */
  public static FaultRule serviceUnavailable() {
    return of(Kind.SERVICE_UNAVAILABLE, true, Duration.ZERO);
  }

  /** A reset connection. On {@code POST /call}, by default the call is created first. */
  public static FaultRule connectionReset() {
    return of(Kind.CONNECTION_RESET, true, Duration.ZERO);
  }

  /** A body cut off at the HTTP level. On {@code POST /call}, the call is always created first. */
  public static FaultRule truncatedBody() {
    return of(Kind.TRUNCATED_BODY, true, Duration.ZERO);
  }

  /** A complete response whose JSON stops halfway. On {@code POST /call}, the call is always created first. */
  public static FaultRule malformedJson() {
    return of(Kind.MALFORMED_JSON, true, Duration.ZERO);
  }

  /**
   * The normal answer after {@code delay} of real time. On {@code POST /call}, by default the call is created
   * before the delay (so a client that times out has placed it).
   */
  public static FaultRule delay(Duration delay) {
    requireNonNull(delay, "delay == null");
    if (delay.isNegative() || delay.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("delay must be within 0 ms and " + Integer.MAX_VALUE + " ms, was " + delay);
    }
    return of(Kind.DELAY, true, delay);
  }

  /** Only {@code GET /call}. */
  public FaultRule onGet() {
    return new FaultRule(kind, GET, share, times, callCreated, duration);
  }

  /** Only {@code POST /call}. */
  public FaultRule onPost() {
    return new FaultRule(kind, POST, share, times, callCreated, duration);
  }

  /** Both {@code GET /call} and {@code POST /call} (the default). */
  public FaultRule onAnyMethod() {
    return new FaultRule(kind, GET | POST, share, times, callCreated, duration);
  }

  /** The share of the valid requests of its methods that this rule answers, 0 to 1. Default: 1. */
  public FaultRule share(double share) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("share must be within 0..1, was " + share);
    }
    return new FaultRule(kind, methods, share, times, callCreated, duration);
  }

  /**
   * Fire at most {@code times} times in all (a rule on both methods counts its GETs and POSTs together), then
   * never again: a rule that has fired its times takes no share of the draw any more.
   */
  public FaultRule times(int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, was " + times);
    }
    return new FaultRule(kind, methods, share, times, callCreated, duration);
  }

  /**
   * On {@code POST /call}: the call is created, stored and counted, and then the answer fails. The default of
   * every kind but {@link Kind#RATE_LIMITED}.
   *
   * @throws IllegalStateException for {@link Kind#RATE_LIMITED}, which is a refusal
   */
  public FaultRule callCreated() {
    if (kind == Kind.RATE_LIMITED) {
      throw new IllegalStateException("a 429 is a refusal: the call is never created");
    }
    return new FaultRule(kind, methods, share, times, true, duration);
  }

  /**
   * On {@code POST /call}: refused before creating anything; nothing is stored or counted.
   *
   * @throws IllegalStateException for {@link Kind#TRUNCATED_BODY} and {@link Kind#MALFORMED_JSON}, which answer
   *     with (part of) the created call
   */
  public FaultRule callNotCreated() {
    if (kind == Kind.TRUNCATED_BODY || kind == Kind.MALFORMED_JSON) {
      throw new IllegalStateException(kind + " answers with part of the created call: the call is always created");
    }
    return new FaultRule(kind, methods, share, times, false, duration);
  }

  public Kind kind() {
    return kind;
  }

  public double share() {
    return share;
  }

  /** How often the rule may fire; empty when unlimited. */
  public OptionalInt times() {
    return times < 0 ? OptionalInt.empty() : OptionalInt.of(times);
  }

  /** Whether a {@code POST /call} answered by this rule has created its call. */
  public boolean createsCall() {
    return callCreated;
  }

  /** Whether the rule applies to {@code method} ({@code "GET"} or {@code "POST"}, any case). */
  public boolean appliesTo(String method) {
    switch (method.toUpperCase(Locale.ROOT)) {
      case "GET":
        return (methods & GET) != 0;
      case "POST":
        return (methods & POST) != 0;
      default:
        return false;
    }
  }

  /** The {@code Retry-After} of {@link Kind#RATE_LIMITED}, the delay of {@link Kind#DELAY}, else zero. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FaultRule{").append(kind);
    if (kind == Kind.RATE_LIMITED || kind == Kind.DELAY) {
      s.append(' ').append(duration);
    }
    s.append(", on ").append(methods == GET ? "GET" : methods == POST ? "POST" : "GET and POST");
    s.append(", share ").append(share);
    if (times >= 0) {
      s.append(", at most ").append(times).append(" times");
    }
    if ((methods & POST) != 0) {
      s.append(callCreated ? ", POST: call created" : ", POST: call not created");
    }
    return s.append('}').toString();
  }
}

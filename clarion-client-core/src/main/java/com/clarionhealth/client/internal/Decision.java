package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionException;
import java.time.Duration;

/**
 * What a transport does next with an {@link Exchange}: the engine's answer to one outcome. A transport
 * only performs it (sends, reads, waits, throws); it never decides.
 */
public final class Decision {
  /** The five things a transport can be told to do. */
  public enum Action {
    /** A 2xx with a body to decode: read it and hand the value to the caller. */
    DELIVER,
    /** Send the request again, at once, to {@link Exchange#uri()} (a redirect); not a retry. */
    FOLLOW,
    /**
     * Read at most {@link com.clarionhealth.client.ClarionApiException#MAX_BODY_BYTES} of the body and
     * pass them to {@link Exchange#onBody(byte[])}: the failure it describes needs them.
     */
    READ_BODY,
    /** Wait {@link #delay()}, then send the request again (a retry). */
    RETRY,
    /** Throw {@link #failure()}. */
    FAIL
  }

  static final Decision DELIVER = new Decision(Action.DELIVER, Duration.ZERO, null);
  static final Decision FOLLOW = new Decision(Action.FOLLOW, Duration.ZERO, null);
  static final Decision READ_BODY = new Decision(Action.READ_BODY, Duration.ZERO, null);

  private final Action action;
  private final Duration delay;
  private final ClarionException failure;

  private Decision(Action action, Duration delay, ClarionException failure) {
    this.action = action;
    this.delay = delay;
    this.failure = failure;
  }

  static Decision retry(Duration delay, ClarionException failure) {
    return new Decision(Action.RETRY, delay, failure);
  }

  static Decision fail(ClarionException failure) {
    return new Decision(Action.FAIL, Duration.ZERO, failure);
  }

  public Action action() {
    return action;
  }

  /** How long to wait before a {@link Action#RETRY}; zero otherwise. */
  public Duration delay() {
    return delay;
  }

  /** What to throw on {@link Action#FAIL}; on {@link Action#RETRY}, the failure being retried. */
  public ClarionException failure() {
    return failure;
  }

  @Override
  public String toString() {
    switch (action) {
      case RETRY:
        return "RETRY after " + delay + " (" + failure.getClass().getSimpleName() + ")";
      case FAIL:
        return "FAIL (" + failure.getClass().getSimpleName() + ")";
      default:
        return action.name();
    }
  }
}

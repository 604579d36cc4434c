package com.clarionhealth.client;

import java.time.Instant;

/**
 * A stream of calls stopped because it could not prove that it had every call of a window.
 *
 * <p>The list endpoint has no cursor; the client narrows time windows until each page is short. When
 * {@code limit} or more calls fall inside one millisecond, the window cannot be narrowed further and
 * the page may be truncated. Rather than skip calls silently, the stream fails here; every call
 * delivered before this exception is correct and was delivered once.
 */
public final class ClarionPagingException extends ClarionException {
  private static final long serialVersionUID = 1L;

  private final Instant windowStart;
  private final Instant windowEnd;
  private final int limit;

  public ClarionPagingException(Instant windowStart, Instant windowEnd, int limit) {
    super("At least " + limit + " calls were created between " + windowStart + " and " + windowEnd
        + " (inclusive), the narrowest window the list endpoint can be asked for; the page may be "
        + "truncated, so the stream stopped here instead of skipping calls");
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.limit = limit;
  }

  /** The instant at which too many calls were created: the start of the window that stayed full. */
  public Instant instant() {
    return windowStart;
  }

  /** The end of the window that stayed full (inclusive). */
  public Instant windowEnd() {
    return windowEnd;
  }

  /** The page size at which the window was still full. */
  public int limit() {
    return limit;
  }
}

package com.clarionhealth.client.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * What a request is allowed to risk when it is repeated. Decides which failures {@link RetryPolicy} may retry.
 *
 * <p>Not API: see the {@linkplain com.clarionhealth.client.internal package documentation}.
 */
public enum RequestKind {

  /**
   * Safe to send twice ({@code GET /call}). Retried after any transport failure or timeout, and on 408, 429, 500,
   * 502, 503 and 504.
   */
  IDEMPOTENT,

  /**
   * {@code POST /call}, which rings a patient: sending it twice rings them twice. Retried <em>only</em> when the
   * request certainly never reached the server ({@link Failure#mayHaveReachedServer()} is false) or on 429, where
   * the server says it did nothing. Never after a timeout or reset once the request was sent, never on 408 or any
   * 5xx. Every other non-idempotent request gets the same treatment.
   */
  CREATE_CALL;

  /**
   * The kind of a request: {@link #IDEMPOTENT} for {@code GET}, {@code HEAD} and {@code OPTIONS}; the cautious
   * {@link #CREATE_CALL} for every other method.
   *
   * @param method the HTTP method, any case
   * @param path   the request path (unused today; kept so a future idempotent POST can be told apart)
   * @return the kind
   */
  public static RequestKind of(String method, String path) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    switch (method.toUpperCase(Locale.ROOT)) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
        return IDEMPOTENT;
      default:
        return CREATE_CALL;
    }
  }

  /**
   * Whether this request creates a call ({@code POST} to a path ending in {@code /call}, query ignored), so that a
   * failure after sending must warn that the call may have been placed.
   *
   * @param method the HTTP method, any case
   * @param path   the path, relative to the base URL ({@code /call}) or absolute ({@code /v1/call})
   * @return true for {@code POST /call}
   */
  public static boolean isCreateCall(String method, String path) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    if (!"POST".equalsIgnoreCase(method.strip())) {
      return false;
    }
    String p = withoutQuery(path.strip());
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals("call") || p.endsWith("/call");
  }

  /**
   * Whether a request of this kind may be sent again after {@code failure}, budget and delays aside.
   *
   * @param failure how the previous attempt failed
   * @return true if repeating it cannot do harm
   */
  public boolean mayRetry(Failure failure) {
    Objects.requireNonNull(failure, "failure == null");
    if (this == CREATE_CALL) {
      // 429 is the one answer where the server states it did nothing; anything else that reached it may
      // have placed the call.
      return !failure.mayHaveReachedServer() || failure.status().orElse(0) == 429;
    }
    if (failure.status().isEmpty()) {
      return true;
    }
    switch (failure.status().getAsInt()) {
      case 408:
      case 429:
      case 500:
      case 502:
      case 503:
      case 504:
        return true;
      default:
        return false;
    }
  }

  static String withoutQuery(String path) {
    int cut = path.length();
    int q = path.indexOf('?');
    int f = path.indexOf('#');
    if (q >= 0) {
      cut = q;
    }
    if (f >= 0 && f < cut) {
      cut = f;
    }
    return path.substring(0, cut);
  }
}

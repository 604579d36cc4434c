package com.clarionhealth.client;

/**
 * The request timed out. A connect timeout means the request was never sent ({@link #requestSent()} false); any
 * later timeout means it may have been received, so a timed-out {@code POST /call} may have placed the call.
 */
public final class ClarionTimeoutException extends ClarionTransportException {
  private static final long serialVersionUID = 1L;

  private ClarionTimeoutException(String what, String method, String path, boolean requestSent, Throwable cause) {
    super(what, method, path, requestSent, cause);
  }

  /**
   * The connection could not be made in time; the request was not sent.
   *
   * @param method the HTTP method
   * @param path   the path relative to the base URL; a query is dropped
   * @param cause  the underlying exception, may be null
   * @return the exception, with {@link #requestSent()} false
   */
  public static ClarionTimeoutException connectTimeout(String method, String path, Throwable cause) {
    return new ClarionTimeoutException("timed out connecting", method, path, false, cause);
  }

  /**
   * No complete answer arrived in time once the connection was made: the request may have been received. Use this
   * for any timeout that is not certainly a connect timeout.
   *
   * @param method the HTTP method
   * @param path   the path relative to the base URL; a query is dropped
   * @param cause  the underlying exception, may be null
   * @return the exception, with {@link #requestSent()} true
   */
  public static ClarionTimeoutException responseTimeout(String method, String path, Throwable cause) {
    return new ClarionTimeoutException("timed out waiting for the response", method, path, true, cause);
  }
}

package com.clarionhealth.client;

/**
 * The request failed without an HTTP answer: connection refused, reset, unexpected EOF, TLS failure.
 *
 * <p>{@link #requestSent()} tells whether the server may have received the request. When it did and the request
 * was {@code POST /call}, the call may have been placed: the message ends with
 * {@code -- the call may have been placed; check GET /call before creating it again}.
 */
public class ClarionTransportException extends ClarionException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final boolean requestSent;
  private final boolean callMayHaveBeenPlaced;

  ClarionTransportException(String what, String method, String path, boolean requestSent, Throwable cause) {
    this(new Request(method, path, requestSent), what, cause);
  }

  private ClarionTransportException(Request r, String what, Throwable cause) {
    super(ErrorText.withWarning(r.line + " " + what + ErrorText.describeCause(cause), r.callMayHaveBeenPlaced),
        cause);
    this.method = r.method;
    this.path = r.path;
    this.requestSent = r.requestSent;
    this.callMayHaveBeenPlaced = r.callMayHaveBeenPlaced;
  }

  /**
   * Makes the exception for a transport failure other than a timeout (see {@link ClarionTimeoutException}).
   *
   * @param method      the HTTP method
   * @param path        the path relative to the base URL; a query is dropped
   * @param requestSent false only when the connection could not be made, so no byte reached the server; when
   *                    unsure, pass true
   * @param cause       the underlying exception, may be null
   * @return the exception, to be thrown by the caller
   */
  public static ClarionTransportException create(
      String method, String path, boolean requestSent, Throwable cause) {
    String what = requestSent ? "failed after the request was sent" : "failed: could not connect";
    return new ClarionTransportException(what, method, path, requestSent, cause);
  }

  /**
   * Whether the request may have reached the server. False only when the connection could not be made.
   *
   * @return true if the server may have received the request
   */
  public final boolean requestSent() {
    return requestSent;
  }

  /**
   * The HTTP method of the failed request, upper case.
   *
   * @return the method
   */
  public final String method() {
    return method;
  }

  /**
   * The path of the failed request, without query.
   *
   * @return the path
   */
  public final String path() {
    return path;
  }

  /**
   * True when the request was {@code POST /call} and {@link #requestSent()}.
   *
   * @return whether the call may have been placed
   */
  @Override
  public final boolean callMayHaveBeenPlaced() {
    return callMayHaveBeenPlaced;
  }

  private static final class Request {
    final String method;
    final String path;
    final String line;
    final boolean requestSent;
    final boolean callMayHaveBeenPlaced;

    Request(String method, String path, boolean requestSent) {
      this.method = ErrorText.method(method);
      this.path = ErrorText.path(path);
      this.line = this.method + " " + this.path;
      this.requestSent = requestSent;
      this.callMayHaveBeenPlaced = requestSent && ErrorText.isCreateCall(method, path);
    }
  }
}

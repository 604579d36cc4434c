package com.clarionhealth.client;

import com.clarionhealth.client.internal.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with a non-2xx status. Catch a subclass to handle one case:
 *
 * <table>
 *   <caption>Subclass per status</caption>
 *   <tr><td>400</td><td>{@link BadRequestException}</td></tr>
 *   <tr><td>401</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>403</td><td>{@link PermissionDeniedException}</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>422</td><td>{@link UnprocessableEntityException}</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitException}</td></tr>
 *   <tr><td>5xx</td><td>{@link InternalServerException}</td></tr>
 *   <tr><td>other</td><td>{@link UnexpectedStatusException}</td></tr>
 * </table>
 *
 * <p>The message reads {@code 429 Too Many Requests from GET /call (request id abc123): <body>}, with the first
 * 200 characters of the body on one line. A 5xx from {@code POST /call} adds
 * {@code -- the call may have been placed; check GET /call before creating it again}.
 */
public abstract class ClarionApiException extends ClarionException {
  private static final long serialVersionUID = 1L;

  /** At most this many bytes of a response body are kept, in {@link #body()} and friends: 8 KiB. */
  public static final int MAX_BODY_BYTES = 8 * 1024;

  private final String method;
  private final String path;
  private final int statusCode;
  private final TreeMap<String, List<String>> headers; // see ResponseHeaders.copyOf
  private final String body;
  private final int bodyTruncatedBytes;
  private final String requestId;
  private final boolean callMayHaveBeenPlaced;
  private final Duration retryAfter;

  ClarionApiException(Parts parts) {
    super(parts.message());
    this.method = parts.method;
    this.path = parts.path;
    this.statusCode = parts.status;
    this.headers = parts.headers;
    this.body = parts.body.text;
    this.bodyTruncatedBytes = parts.body.truncatedBytes;
    this.requestId = parts.requestId;
    this.callMayHaveBeenPlaced = parts.callMayHaveBeenPlaced;
    this.retryAfter = parts.retryAfter;
  }

  /**
   * Makes the exception for a non-2xx answer, choosing the subclass by status. The only way to make one.
   *
   * @param method  the HTTP method
   * @param path    the path relative to the base URL, e.g. {@code /call}; a query or fragment is dropped because
   *                list filters may carry patient data
   * @param status  the HTTP status; any value from 100 to 999 except 2xx
   * @param headers the response headers; may be null
   * @param body    the response body as received; may be null; only {@link #MAX_BODY_BYTES} are kept
   * @return the exception, to be thrown by the caller
   */
  public static ClarionApiException create(
      String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
    return create(method, path, status, headers, body, Clock.systemUTC());
  }

  /**
   * Like {@link #create(String, String, int, Map, byte[])}, with the clock used for an HTTP-date
   * {@code Retry-After}.
   *
   * @param method  the HTTP method
   * @param path    the path relative to the base URL
   * @param status  the HTTP status; any value from 100 to 999 except 2xx
   * @param headers the response headers; may be null
   * @param body    the response body; may be null
   * @param clock   the current time
   * @return the exception
   */
  public static ClarionApiException create(
      String method, String path, int status, Map<String, List<String>> headers, byte[] body, Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    if (status < 100 || status > 999 || (status >= 200 && status < 300)) {
      throw new IllegalArgumentException("status must be a non-2xx HTTP status, was " + status);
    }
    Parts parts = new Parts(method, path, status, headers, body);
    // Parsed once, here, with the engine's clock: the retry decision and the application read this value.
    parts.retryAfter = RetryAfter.parse(ResponseHeaders.first(parts.headers, RetryAfter.HEADER).orElse(null), clock)
        .orElse(null);
    switch (status) {
      case 400: return new BadRequestException(parts);
      case 401: return new AuthenticationException(parts);
      case 403: return new PermissionDeniedException(parts);
      case 404: return new NotFoundException(parts);
      case 422: return new UnprocessableEntityException(parts);
      case 429: return new RateLimitException(parts);
      default:
        return status >= 500 && status <= 599
            ? new InternalServerException(parts)
            : new UnexpectedStatusException(parts);
    }
  }

  /**
   * How long the server asked to wait before trying again, from {@code Retry-After} (seconds, or an
   * HTTP date measured when the exception was made). Mostly sent with 429 and 503. The clients already
   * waited it out while it was at most their {@code maxRetryAfter} and retries remained.
   *
   * @return the delay; empty if the header was absent or unreadable
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The HTTP status.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The response headers: immutable, with case-insensitive names.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name == null");
    return ResponseHeaders.first(headers, name);
  }

  /**
   * The response body: at most {@link #MAX_BODY_BYTES}, decoded as UTF-8 with malformed bytes replaced by
   * U+FFFD. See {@link #bodyTruncatedBytes()} for whether it is complete.
   *
   * @return the body, empty if there was none
   */
  public String body() {
    return body;
  }

  /**
   * How many bytes of the body were dropped to respect {@link #MAX_BODY_BYTES}: show it as
   * {@code "…[truncated " + n + " bytes]"}.
   *
   * @return 0 when {@link #body()} is complete
   */
  public int bodyTruncatedBytes() {
    return bodyTruncatedBytes;
  }

  /**
   * The server's request id, from {@code x-request-id} or else {@code request-id}; quote it to Clarion support.
   *
   * @return the request id, if the server sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The HTTP method of the failed request, upper case.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The path of the failed request, without query.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * True for a 5xx answer to {@code POST /call}: the server received the request and did not say it did nothing.
   *
   * @return whether the call may have been placed
   */
  @Override
  public final boolean callMayHaveBeenPlaced() {
    return callMayHaveBeenPlaced;
  }

  /** Everything a subclass constructor needs; computed once by {@link #create}. */
  static final class Parts {
    final String method;
    final String path;
    final int status;
    final TreeMap<String, List<String>> headers;
    final BoundedBody body;
    final String requestId;
    final boolean callMayHaveBeenPlaced;
    Duration retryAfter;

    Parts(String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
      this.method = ErrorText.method(method);
      this.path = ErrorText.path(path);
      this.status = status;
      this.headers = ResponseHeaders.copyOf(headers);
      this.body = BoundedBody.of(body);
      this.requestId = ResponseHeaders.requestId(this.headers).orElse(null);
      this.callMayHaveBeenPlaced = status >= 500 && status <= 599 && ErrorText.isCreateCall(method, path);
    }

    String message() {
      StringBuilder m = new StringBuilder()
          .append(ErrorText.statusText(status)).append(" from ").append(method).append(' ').append(path);
      if (requestId != null) {
        m.append(" (request id ").append(ErrorText.oneLine(requestId, 100)).append(')');
      }
      String snippet = ErrorText.oneLine(body.text, ErrorText.SNIPPET_CHARS);
      if (!snippet.isEmpty()) {
        m.append(": ").append(snippet);
      }
      return ErrorText.withWarning(m.toString(), callMayHaveBeenPlaced);
    }
  }
}

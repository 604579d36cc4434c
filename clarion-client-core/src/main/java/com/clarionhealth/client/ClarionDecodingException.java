package com.clarionhealth.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;

/**
 * A 2xx answer whose body could not be read: an HTML page from a proxy, truncated or unexpected JSON. The request
 * succeeded on the server: for {@code POST /call} the call was most likely placed, and the message says
 * {@code -- the call may have been placed; check GET /call before creating it again}.
 */
public final class ClarionDecodingException extends ClarionException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final int statusCode;
  private final TreeMap<String, List<String>> headers; // see ResponseHeaders.copyOf
  private final String body;
  private final int bodyTruncatedBytes;
  private final String requestId;
  private final boolean callMayHaveBeenPlaced;

  private ClarionDecodingException(ClarionApiException.Parts p, Throwable cause) {
    super(message(p), cause);
    this.method = p.method;
    this.path = p.path;
    this.statusCode = p.status;
    this.headers = p.headers;
    this.body = p.body.text;
    this.bodyTruncatedBytes = p.body.truncatedBytes;
    this.requestId = p.requestId;
    this.callMayHaveBeenPlaced = ErrorText.isCreateCall(p.method, p.path);
  }

  /**
   * Makes the exception.
   *
   * @param method  the HTTP method
   * @param path    the path relative to the base URL; a query is dropped
   * @param status  the HTTP status, normally 2xx
   * @param headers the response headers (for content type and request id); may be null
   * @param body    the body that failed to decode; may be null; only
   *                {@value ClarionApiException#MAX_BODY_BYTES} bytes are kept
   * @param cause   the decoder's exception; its message is not copied, as it may quote the body at length
   * @return the exception, to be thrown by the caller
   */
  public static ClarionDecodingException create(
      String method, String path, int status, Map<String, List<String>> headers, byte[] body, Throwable cause) {
    return new ClarionDecodingException(new ClarionApiException.Parts(method, path, status, headers, body), cause);
  }

  private static String message(ClarionApiException.Parts p) {
    StringBuilder m = new StringBuilder("could not decode the ")
        .append(ErrorText.statusText(p.status)).append(" response to ").append(p.method).append(' ').append(p.path)
        .append(" (");
    if (p.requestId != null) {
      m.append("request id ").append(ErrorText.oneLine(p.requestId, 100)).append(", ");
    }
    String type = ResponseHeaders.first(p.headers, "Content-Type").map(t -> ErrorText.oneLine(t, 100))
        .orElse("");
    m.append(type.isEmpty() ? "no content type" : "content type " + type).append(')');
    String snippet = ErrorText.oneLine(p.body.text, ErrorText.SNIPPET_CHARS);
    if (!snippet.isEmpty()) {
      m.append(": ").append(snippet);
    }
    return ErrorText.withWarning(m.toString(), ErrorText.isCreateCall(p.method, p.path));
  }

  /**
   * The HTTP status of the undecodable answer.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The {@code Content-Type} of the answer.
   *
   * @return the content type, if sent
   */
  public Optional<String> contentType() {
    return ResponseHeaders.first(headers, "Content-Type");
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
   * The body: at most {@value ClarionApiException#MAX_BODY_BYTES} bytes, decoded as UTF-8 with malformed bytes
   * replaced.
   *
   * @return the body, empty if none
   */
  public String body() {
    return body;
  }

  /**
   * How many bytes of the body were dropped by the size bound.
   *
   * @return 0 when {@link #body()} is complete
   */
  public int bodyTruncatedBytes() {
    return bodyTruncatedBytes;
  }

  /**
   * The server's request id, from {@code x-request-id} or else {@code request-id}.
   *
   * @return the request id, if sent
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The HTTP method, upper case.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The path, without query.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * True for {@code POST /call}: the server accepted it, so the call was most likely placed.
   *
   * @return whether the call may have been placed
   */
  @Override
  public boolean callMayHaveBeenPlaced() {
    return callMayHaveBeenPlaced;
  }

  /**
   * Lookup helper.
   *
   * @param name header name, any case
   * @return the first value
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name == null");
    return ResponseHeaders.first(headers, name);
  }
}

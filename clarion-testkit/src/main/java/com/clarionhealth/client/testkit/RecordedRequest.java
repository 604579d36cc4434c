package com.clarionhealth.client.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One request the sandbox received, as it was received, and how it was answered. Immutable.
 *
 * <p>{@link #toString()} never shows the {@code Authorization} header; {@link #header(String)} does.
 */
public final class RecordedRequest {
  private final long sequence;
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final int status;
  private final FaultRule.Kind fault;
  private final long createdCallId;
  private final byte[] responseBody;

  RecordedRequest(long sequence, Instant receivedAt, String method, String path,
      Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body, int status,
      FaultRule.Kind fault, long createdCallId, byte[] responseBody) {
    this.responseBody = responseBody;
    this.sequence = sequence;
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = Collections.unmodifiableMap(query);
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
    this.status = status;
    this.fault = fault;
    this.createdCallId = createdCallId;
  }

  /**
   * The body the sandbox answered with, as sent (JSON, {@code application/json}; a body spoilt by a fault
   * as spoilt), when it records responses ({@link ClarionSandbox.Builder#recordResponses(boolean)}). Empty
   * when it does not, or when no body was sent (a reset connection, a broken chunk).
   */
  public Optional<String> responseBody() {
    return responseBody == null ? Optional.empty()
        : Optional.of(new String(responseBody, StandardCharsets.UTF_8));
  }

  /** 1 for the first request since the sandbox started or was reset, then 2, 3, ... */
  public long sequence() {
    return sequence;
  }

  /** The sandbox clock's instant when the request arrived. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** {@code GET}, {@code POST}, ... */
  public String method() {
    return method;
  }

  /** The path as sent, percent-decoded, without the query: {@code /v1/call}. */
  public String path() {
    return path;
  }

  /**
   * Every query parameter in the order sent, percent-decoded ({@code +} stays a plus sign). Each value list in
   * the order sent.
   */
  public Map<String, List<String>> queryParameters() {
    return query;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every header, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, by name in any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as UTF-8 text; empty when there was none. */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body's bytes (a copy). */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /**
   * The status the sandbox answered with; empty when it answered none (a reset connection). A
   * {@link FaultRule.Kind#TRUNCATED_BODY} or {@link FaultRule.Kind#MALFORMED_JSON} fault counts as 200.
   */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The fault the request was answered with, if any. */
  public Optional<FaultRule.Kind> fault() {
    return Optional.ofNullable(fault);
  }

  /**
   * The id of the call this request created: a {@code POST /call} that succeeded, or that created its call and
   * then failed ({@link FaultRule#callCreated()}).
   */
  public OptionalLong createdCallId() {
    return createdCallId == 0 ? OptionalLong.empty() : OptionalLong.of(createdCallId);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("#").append(sequence).append(' ').append(method).append(' ').append(path);
    if (!query.isEmpty()) {
      s.append(' ').append(query);
    }
    s.append(" -> ").append(status == 0 ? "no response" : String.valueOf(status));
    if (fault != null) {
      s.append(" (fault ").append(fault).append(')');
    }
    if (createdCallId != 0) {
      s.append(" created call ").append(createdCallId);
    }
    return s.toString();
  }
}

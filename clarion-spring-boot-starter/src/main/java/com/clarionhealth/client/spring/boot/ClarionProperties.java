package com.clarionhealth.client.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code clarion.*} properties of both clients. Unset ones keep the client's own default (which for the key and
 * the base URL is the environment variable {@code CLARION_API_KEY} or {@code CLARION_BASE_URL}).
 */
@ConfigurationProperties(prefix = "clarion")
public class ClarionProperties {
  /** The API key. Required, here or in the environment variable CLARION_API_KEY. Never logged or shown. */
  private String apiKey;

  /** The API's base URL: https, or http on a loopback host. Default: CLARION_BASE_URL, else the public API. */
  private String baseUrl;

  /** How long to wait for a connection (blocking client, and the reactive one without the application's builder). */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** How long one attempt may take, from sending to the last byte of the answer. */
  private Duration requestTimeout = Duration.ofSeconds(60);

  /** How many times a failed request is retried, 0 to 10. POST /call is only retried when it did not reach the server. */
  private int maxRetries = 2;

  /** The longest Retry-After the client waits for before retrying; a longer one fails at once. */
  private Duration maxRetryAfter = Duration.ofSeconds(60);

  /** The largest single call the reactive client decodes, in bytes (at least 1024). */
  private int maxCallSize = 16777216; // 16 MiB, written out for the IDE metadata

  /** What a stream at concurrency above 1 may fetch ahead of its consumer, in bytes. */
  private long maxBytesAhead = 33554432; // 32 MiB, written out for the IDE metadata

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public int getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  public Duration getMaxRetryAfter() {
    return maxRetryAfter;
  }

  public void setMaxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = maxRetryAfter;
  }

  public int getMaxCallSize() {
    return maxCallSize;
  }

  public void setMaxCallSize(int maxCallSize) {
    this.maxCallSize = maxCallSize;
  }

  public long getMaxBytesAhead() {
    return maxBytesAhead;
  }

  public void setMaxBytesAhead(long maxBytesAhead) {
    this.maxBytesAhead = maxBytesAhead;
  }

  // The key is never shown, not even its length.
  @Override
  public String toString() {
    return "ClarionProperties{apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "******")
        + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", maxRetries=" + maxRetries + ", maxRetryAfter=" + maxRetryAfter + ", maxCallSize=" + maxCallSize
        + ", maxBytesAhead=" + maxBytesAhead + '}';
  }
}

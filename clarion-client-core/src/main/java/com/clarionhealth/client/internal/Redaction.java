package com.clarionhealth.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the API key out of exceptions: a server that echoes the key (in any shape, not only as
 * {@code Bearer <key>}) must not put it into an exception, whose message and body end up in logs.
 */
public final class Redaction {
  private static final String BEARER_PREFIX = "Bearer ";
  private static final byte[] REDACTED = "[redacted]".getBytes(StandardCharsets.US_ASCII);

  private Redaction() {}

  /** {@code body} with every occurrence of the key sent in {@code authorization} replaced. */
  public static byte[] withoutKey(byte[] body, String authorization) {
    if (body == null || authorization == null || !authorization.startsWith(BEARER_PREFIX)) {
      return body;
    }
    byte[] key = authorization.substring(BEARER_PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(body, key, 0);
    if (key.length == 0 || at < 0) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    int from = 0;
    for (; at >= 0; at = indexOf(body, key, from)) {
      out.write(body, from, at - from);
      out.writeBytes(REDACTED);
      from = at + key.length;
    }
    out.write(body, from, body.length - from);
    return out.toByteArray();
  }

  /**
   * {@code headers} with every occurrence of the key sent in {@code authorization} replaced in their
   * values: a server may echo it in a request id, which messages quote.
   */
  public static Map<String, List<String>> headersWithoutKey(Map<String, List<String>> headers, String authorization) {
    if (headers == null || authorization == null || !authorization.startsWith(BEARER_PREFIX)
        || authorization.length() == BEARER_PREFIX.length()) {
      return headers;
    }
    String key = authorization.substring(BEARER_PREFIX.length());
    Map<String, List<String>> safe = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      List<String> copy = new ArrayList<>(values.size());
      for (String value : values) {
        copy.add(value == null ? null : value.replace(key, "[redacted]"));
      }
      safe.put(name, copy);
    });
    return safe;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

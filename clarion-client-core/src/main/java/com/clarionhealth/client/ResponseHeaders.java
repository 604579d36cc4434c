package com.clarionhealth.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable, case-insensitive copies of response headers. */
final class ResponseHeaders {

  private ResponseHeaders() {
  }

  static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Collections.emptyMap();
    }
    TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (name == null || values == null) {
        return; // HttpURLConnection reports the status line under a null name
      }
      List<String> target = merged.computeIfAbsent(name, n -> new ArrayList<>());
      values.stream().filter(v -> v != null).forEach(target::add);
    });
    merged.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(merged);
  }

  /** The first value of a header, from a map made by {@link #copyOf}. */
  static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  static Optional<String> requestId(Map<String, List<String>> headers) {
    Optional<String> id = first(headers, "x-request-id").filter(v -> !v.isBlank());
    return id.isPresent() ? id.map(String::strip) : first(headers, "request-id").filter(v -> !v.isBlank())
        .map(String::strip);
  }
}

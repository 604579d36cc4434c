package com.clarionhealth.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable, case-insensitive copies of response headers. */
final class ResponseHeaders {

  private ResponseHeaders() {
  }

  /**
   * A TreeMap, not just a Map: the exceptions keep it in a field and are serializable, as every exception is (a
   * TreeMap with String's case-insensitive order and List.copyOf values serializes). Never changed once made;
   * the exceptions hand out unmodifiable views of it.
   */
  static TreeMap<String, List<String>> copyOf(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers == null || headers.isEmpty()) {
      return merged;
    }
    headers.forEach((name, values) -> {
      if (name == null || values == null) {
        return; // HttpURLConnection reports the status line under a null name
      }
      List<String> target = merged.computeIfAbsent(name, n -> new ArrayList<>());
      values.stream().filter(v -> v != null).forEach(target::add);
    });
    merged.replaceAll((name, values) -> List.copyOf(values));
    return merged;
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

package com.clarionhealth.client.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which redirects the clients follow themselves: those of a {@code GET} (a {@code POST /call} is never
 * re-sent elsewhere), at most {@link #MAX} in a row, and only to {@code https} or to a loopback host.
 * Whether the key goes along is {@link BaseUrls#sameOrigin}'s to say, at each hop.
 */
public final class Redirects {
  /** How many redirects in a row a request follows before the last one is its answer. */
  public static final int MAX = 5;

  private Redirects() {}

  /** Where to go next, if {@code status} with {@code location} is a redirect to follow. */
  public static Optional<URI> target(String method, URI from, int status, Optional<String> location) {
    boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    if (!redirect || !"GET".equalsIgnoreCase(method) || location.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI target = from.resolve(location.get());
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
      boolean safe = scheme.equals("https") || scheme.equals("http") && BaseUrls.isLoopbackHost(target.getHost());
      return safe ? Optional.of(target) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

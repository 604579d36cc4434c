package com.clarionhealth.client.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks and compares base URLs without any DNS lookup.
 *
 * <p>Not API: see the {@linkplain com.clarionhealth.client.internal package documentation}.
 */
public final class BaseUrls {

  /** The production API: {@value}. Used when no base URL is configured. */
  public static final String DEFAULT_BASE_URL = "https://api.clarionhealth.com/v1";

  /** Environment variable consulted when no base URL is given explicitly: {@value}. */
  public static final String ENV_VAR = "CLARION_BASE_URL";

  // Four decimal octets without leading zeros, so "0127.0.0.1" (octal to some parsers) is not taken for loopback.
  private static final Pattern IPV4 =
      Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

  private BaseUrls() {
  }

  /**
   * The base URL to use: {@code explicitBaseUrl}, else {@code CLARION_BASE_URL}, else {@link #DEFAULT_BASE_URL}.
   *
   * @param explicitBaseUrl the URL given to the client builder, or null
   * @param env             environment lookup, e.g. {@code System::getenv}
   * @return the checked URL, see {@link #checkBaseUrl(String)}
   */
  public static URI resolve(String explicitBaseUrl, Function<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    if (explicitBaseUrl != null) {
      return check(explicitBaseUrl, "baseUrl");
    }
    String fromEnv = env.apply(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return check(fromEnv, "baseUrl (from " + ENV_VAR + ")");
    }
    return URI.create(DEFAULT_BASE_URL);
  }

  /**
   * Validates and normalizes a base URL.
   *
   * <p>Requires {@code https}; plain {@code http} only for loopback hosts ({@code localhost}, {@code 127.0.0.0/8},
   * {@code [::1]}), so an API key never crosses a network in clear text. Rejects user info, query and fragment.
   * Lower-cases scheme and host, drops a default port and trailing slashes.
   *
   * @param baseUrl e.g. {@code https://api.clarionhealth.com/v1}
   * @return the normalized URI, e.g. {@code https://api.clarionhealth.com/v1}
   * @throws IllegalArgumentException naming {@code baseUrl} when the URL is unusable
   */
  public static URI checkBaseUrl(String baseUrl) {
    return check(baseUrl, "baseUrl");
  }

  private static URI check(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    // Never echo a URL that may carry credentials.
    String shown = value.contains("@") ? "" : ": " + value.strip();
    URI uri;
    try {
      uri = new URI(value.strip()).normalize();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL" + shown);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + " must not contain user info (credentials)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(name + " must be an absolute https URL" + shown);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must have a host" + shown);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !isLoopbackHost(host)) {
      throw new IllegalArgumentException(
          name + " must use https; http is allowed only for localhost, 127.0.0.0/8 and [::1]" + shown);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(name + " must not have a query or fragment" + shown);
    }
    if (uri.getPort() > 65535) {
      throw new IllegalArgumentException(name + " has an invalid port" + shown);
    }
    int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path);
  }

  /**
   * Whether two URIs share scheme, host (case-insensitive) and effective port. A redirect to another origin must
   * not carry the {@code Authorization} header.
   *
   * @param a one URI
   * @param b another URI
   * @return true only for the same origin; false if either lacks scheme or host
   */
  public static boolean sameOrigin(URI a, URI b) {
    Objects.requireNonNull(a, "a == null");
    Objects.requireNonNull(b, "b == null");
    if (a.getScheme() == null || a.getHost() == null || b.getScheme() == null || b.getHost() == null) {
      return false;
    }
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  /**
   * Whether a host names the loopback interface, decided from its text alone: {@code localhost}, an IPv4 literal
   * in {@code 127.0.0.0/8} or the IPv6 loopback literal (bracketed, as in a URI).
   *
   * @param host the host as returned by {@link URI#getHost()}
   * @return true for loopback
   */
  public static boolean isLoopbackHost(String host) {
    Objects.requireNonNull(host, "host == null");
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    var ipv4 = IPV4.matcher(host);
    if (ipv4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(ipv4.group(i)) > 255) {
          return false;
        }
      }
      return ipv4.group(1).equals("127");
    }
    if (host.startsWith("[") && host.endsWith("]") && host.indexOf(':') > 0) {
      try {
        // An IPv6 literal (it contains ':') is parsed, never looked up.
        return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException | SecurityException e) {
        return false;
      }
    }
    return false;
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme().toLowerCase(Locale.ROOT));
  }

  private static int defaultPort(String scheme) {
    switch (scheme) {
      case "https": return 443;
      case "http": return 80;
      default: return -1;
    }
  }
}

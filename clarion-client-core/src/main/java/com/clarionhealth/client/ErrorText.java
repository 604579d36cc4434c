package com.clarionhealth.client;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Message building shared by every exception, so both clients word the same failure the same way. */
final class ErrorText {

  /** Appended to the message of a {@code POST /call} failure that may have reached the server. */
  static final String CALL_MAY_HAVE_BEEN_PLACED =
      "the call may have been placed; check GET /call before creating it again";

  /** How much of a body or cause message goes into a one-line message. */
  static final int SNIPPET_CHARS = 200;

  private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}\\u2028\\u2029]+");
  // Defence in depth: a server echoing the key back must not put it into logs through our message.
  private static final Pattern SECRET = Pattern.compile(
      "(?i)bearer\\s+[A-Za-z0-9._~+/\\-]+=*|\\b(sk|pk|rk)_(live|test)_[A-Za-z0-9_\\-]+");

  private ErrorText() {
  }

  static String method(String method) {
    Objects.requireNonNull(method, "method == null");
    String m = method.strip().toUpperCase(Locale.ROOT);
    if (m.isEmpty()) {
      throw new IllegalArgumentException("method must not be blank");
    }
    return oneLine(m, 20);
  }

  /** The path without query or fragment: list filters may carry patient data. */
  static String path(String path) {
    Objects.requireNonNull(path, "path == null");
    String p = path.strip();
    int cut = p.length();
    for (char c : new char[] {'?', '#'}) {
      int i = p.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    p = oneLine(p.substring(0, cut), SNIPPET_CHARS);
    return p.isEmpty() ? "/" : p;
  }

  /**
   * Whether a request creates a call: {@code POST} to a path ending in {@code /call} (relative to the
   * base URL or absolute), query ignored. Its failures after sending warn that the call may have been
   * placed.
   */
  static boolean isCreateCall(String method, String path) {
    if (!"POST".equalsIgnoreCase(method.strip())) {
      return false;
    }
    String p = path(path);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals("call") || p.endsWith("/call");
  }

  /** Collapses whitespace and control characters to single spaces, redacts secrets, and cuts at maxChars. */
  static String oneLine(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    String s = WHITESPACE_OR_CONTROL.matcher(text).replaceAll(" ").strip();
    s = SECRET.matcher(s).replaceAll("[redacted]");
    if (s.length() <= maxChars) {
      return s;
    }
    int end = maxChars;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  static String withWarning(String message, boolean callMayHaveBeenPlaced) {
    return callMayHaveBeenPlaced ? message + " -- " + CALL_MAY_HAVE_BEEN_PLACED : message;
  }

  static String describeCause(Throwable cause) {
    if (cause == null) {
      return "";
    }
    String msg = oneLine(cause.getMessage(), SNIPPET_CHARS);
    return " (" + cause.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg) + ")";
  }

  static String statusText(int status) {
    String reason = reasonPhrase(status);
    return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
  }

  private static String reasonPhrase(int status) {
    switch (status) {
      case 200: return "OK";
      case 201: return "Created";
      case 202: return "Accepted";
      case 204: return "No Content";
      case 301: return "Moved Permanently";
      case 302: return "Found";
      case 303: return "See Other";
      case 304: return "Not Modified";
      case 307: return "Temporary Redirect";
      case 308: return "Permanent Redirect";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 406: return "Not Acceptable";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 410: return "Gone";
      case 413: return "Content Too Large";
      case 415: return "Unsupported Media Type";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 501: return "Not Implemented";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "";
    }
  }
}

package com.clarionhealth.benchmarks.harness;

/** Exceptions as one line for a table: the outermost and the root cause. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getName() + ": " + e.getMessage();
    if (root != e) {
      text += " (cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
    text = text.replace('\n', ' ').replace('|', '/');
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}

package com.clarionhealth.cli;

import com.clarionhealth.client.CallPage;

/** A progress line on stderr when it is a terminal, and a one-line summary at the end. */
final class Progress {
  private final Console console;
  private final long started = System.nanoTime();
  private long calls;
  private long requests;

  Progress(Console console) {
    this.console = console;
  }

  void page(CallPage page) {
    calls += page.calls().size();
    requests += page.requests();
    if (console.interactive) {
      console.err.print("\r" + line() + "   ");
      console.err.flush();
    }
  }

  void done(String destination) {
    if (console.interactive) {
      console.err.print("\r");
    }
    console.err.println("Exported " + line() + " to " + destination);
  }

  private String line() {
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(java.util.Locale.ROOT, "%,d calls, %,d requests, %.1f s", calls, requests, seconds);
  }
}

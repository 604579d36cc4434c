package com.clarionhealth.cli;

import java.io.PrintStream;
import java.util.function.Function;

/** What a command talks to: the environment and the two output streams. Replaced in tests. */
final class Console {
  final Function<String, String> env;
  final PrintStream out;
  final PrintStream err;
  final boolean interactive;

  Console(Function<String, String> env, PrintStream out, PrintStream err, boolean interactive) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  static Console system() {
    return new Console(System::getenv, System.out, System.err, System.console() != null);
  }
}

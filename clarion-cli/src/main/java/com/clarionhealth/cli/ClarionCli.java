package com.clarionhealth.cli;

import com.clarionhealth.client.ClarionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code clarion}: export and place Clarion calls from a terminal. Exit codes: 0 done, 1 an API or
 * network error, 2 a usage error (a bad option, date or phone number). No stack trace unless
 * {@code --verbose}; the API key is never printed.
 */
@Command(name = "clarion", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Export and place Clarion calls. Without CLARION_API_KEY every command runs "
        + "against an embedded sandbox.",
    subcommands = {CallsCommand.class, SandboxCommand.class})
public final class ClarionCli implements Runnable {
  static final int API_ERROR = 1;
  static final int USAGE_ERROR = 2;

  final Console console;

  ClarionCli(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: calls or sandbox");
  }

  public static void main(String[] args) {
    System.exit(run(Console.system(), args));
  }

  /** Runs one command line and returns its exit code. */
  static int run(Console console, String... args) {
    if (java.util.Arrays.asList(args).contains("--verbose")) {
      // Before the first logger exists: the client's requests and retries at debug level.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    CommandLine commandLine = new CommandLine(new ClarionCli(console));
    commandLine.setOut(new java.io.PrintWriter(console.out, true));
    commandLine.setErr(new java.io.PrintWriter(console.err, true));
    commandLine.setExitCodeExceptionMapper(ClarionCli::exitCode);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean verbose = parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--verbose"));
      if (verbose) {
        e.printStackTrace(console.err);
      } else {
        console.err.println("clarion: " + message(e));
      }
      return exitCode(e);
    });
    return commandLine.execute(args);
  }

  private static int exitCode(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof NullPointerException
        || e instanceof CommandLine.ParameterException ? USAGE_ERROR : API_ERROR;
  }

  private static String message(Throwable e) {
    if (e instanceof ClarionException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
      return "I/O error: " + io.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}

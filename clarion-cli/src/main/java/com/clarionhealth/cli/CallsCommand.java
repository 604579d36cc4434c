package com.clarionhealth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code clarion calls}: the calls resource. */
@Command(name = "calls", mixinStandardHelpOptions = true, description = "Export, list and place calls.",
    subcommands = {ExportCommand.class, ListCommand.class, CreateCommand.class})
final class CallsCommand implements Runnable {
  @ParentCommand
  ClarionCli cli;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: export, list or create");
  }
}

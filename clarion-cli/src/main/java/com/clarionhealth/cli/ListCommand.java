package com.clarionhealth.cli;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.Call;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clarion calls list}: one page, exactly one request, as a table or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Show one page of calls (one request; for every call of a range use export).")
final class ListCommand implements Callable<Integer> {
  @ParentCommand
  CallsCommand calls;

  @Mixin
  GlobalOptions global;

  @Option(names = "--limit", paramLabel = "N", description = "At most N calls, 1 to 1000. Default: the server's, 100.")
  Integer limit;

  @Option(names = "--from", paramLabel = "TIME", converter = Instants.class,
      description = "Only calls created at or after TIME (ISO-8601).")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", converter = Instants.class,
      description = "Only calls created at or before TIME (ISO-8601).")
  Instant to;

  @Option(names = "--json", description = "Print the calls as a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    ListCallsParams.Builder params = ListCallsParams.builder().createdAtGe(from).createdAtLe(to);
    if (limit != null) {
      params.limit(limit);
    }
    ListCallsParams built = params.build();
    try (Target target = Target.open(global, calls.cli.console)) {
      List<Call> page = target.client.calls().list(built);
      PrintStream out = calls.cli.console.out;
      if (json) {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(page));
      } else {
        table(out, page);
      }
      return 0;
    }
  }

  private static void table(PrintStream out, List<Call> page) {
    String format = "%-12s %-12s %-22s %10s  %-16s %s%n";
    out.printf(Locale.ROOT, format, "ID", "STATUS", "STARTED", "DURATION", "DESTINATION", "OUTCOME");
    for (Call call : page) {
      out.printf(Locale.ROOT, format, text(call.getId()), text(call.getCallStatus()), text(call.getStartedAt()),
          call.getDurationMs() == null ? "-" : String.format(Locale.ROOT, "%.1f s", call.getDurationMs() / 1000.0),
          text(call.getDestinationNumber()), text(call.getOutcome()));
    }
    out.printf(Locale.ROOT, "%d calls%n", page.size());
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }
}

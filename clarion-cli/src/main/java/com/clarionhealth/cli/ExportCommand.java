package com.clarionhealth.cli;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clarion calls export}: every call of a range, once, to JSON Lines or CSV. With {@code --out},
 * the cursor of the last page written is kept beside the file, so that an interrupted export resumes
 * with {@code --resume}: nothing lost, nothing duplicated.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write every call created in a range to a file (or stdout), each exactly once.")
final class ExportCommand implements Callable<Integer> {
  enum Format { jsonl, csv }

  @ParentCommand
  CallsCommand calls;

  @Mixin
  GlobalOptions global;

  @Option(names = "--from", paramLabel = "TIME", converter = Instants.class,
      description = "Start of the range, inclusive (ISO-8601, like 2026-01-01T00:00:00Z). Required "
          + "unless --resume.")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", converter = Instants.class,
      description = "End of the range, inclusive. Default: the moment the export starts.")
  Instant to;

  @Option(names = "--out", paramLabel = "FILE", description = "The file to write. Default: stdout.")
  Path out;

  @Option(names = "--format", defaultValue = "jsonl",
      description = "jsonl (one call a line, exactly as the API sent it: every field, those this version "
          + "does not know included, numbers as written; the lossless format) or csv (the documented flat "
          + "columns; messages and unknown fields left out). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
      description = "Calls per request, 1 to 1000. Default: ${DEFAULT-VALUE}.")
  int pageSize;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
      description = "Requests in flight at once, 1 to 32; the file still gets the calls in window order, "
          + "each once. Worth it when each response is slow to come. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--resume",
      description = "Continue the interrupted export into --out from its last completed page.")
  boolean resume;

  @Override
  public Integer call() throws IOException {
    Console console = calls.cli.console;
    CallQuery query = query();
    try (Target target = Target.open(global, console)) {
      if (out == null) {
        return export(target, query, console.out, null, console);
      }
      Path statePath = ExportState.pathFor(out);
      try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        if (resume) {
          channel.truncate(ExportState.read(statePath).bytes); // drop what no saved cursor covers
          channel.position(channel.size());
        } else {
          Files.deleteIfExists(statePath); // an older interrupted export's cursor is not this one's
          channel.truncate(0);
        }
        OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        int code = export(target, query, file, new Checkpoint(channel, statePath, format), console);
        Files.deleteIfExists(statePath); // complete: nothing to resume
        return code;
      }
    }
  }

  private CallQuery query() throws IOException {
    if (resume) {
      if (out == null) {
        throw new IllegalArgumentException("--resume needs --out: the file to continue");
      }
      Path statePath = ExportState.pathFor(out);
      if (!Files.exists(statePath) || !Files.exists(out)) {
        throw new IllegalArgumentException("nothing to resume: " + statePath + " does not exist");
      }
      ExportState state = ExportState.read(statePath);
      if (!format.name().equals(state.format)) {
        throw new IllegalArgumentException("--format " + format + " differs from the interrupted export's "
            + state.format);
      }
      return asked(CallQuery.resumeFrom(state.cursor).concurrency(concurrency));
    }
    if (from == null) {
      throw new IllegalArgumentException("--from is required (or --resume)");
    }
    CallQuery query = to == null ? CallQuery.since(from) : CallQuery.between(from, to);
    return asked(query.pageSize(pageSize).concurrency(concurrency));
  }

  /** JSON Lines writes each call's own text: the pages must carry it. */
  private CallQuery asked(CallQuery query) {
    return format == Format.jsonl ? query.withRawJson() : query;
  }

  private int export(Target target, CallQuery query, OutputStream sink, Checkpoint checkpoint,
      Console console) throws IOException {
    CallWriter writer = format == Format.csv
        ? new CsvWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8))
        : new JsonLinesWriter(sink);
    if (!resume) {
      writer.writeHeader();
    }
    Progress progress = new Progress(console);
    for (CallPage page : target.client.calls().pages(query)) {
      writer.write(page);
      writer.flush();
      if (checkpoint != null) {
        checkpoint.save(page.cursor());
      }
      progress.page(page);
    }
    writer.flush();
    progress.done(out == null ? "stdout" : out.toString());
    return 0;
  }

  /** Saves the cursor of a page once the page is wholly in the file. */
  private static final class Checkpoint {
    private final FileChannel channel;
    private final Path statePath;
    private final Format format;

    Checkpoint(FileChannel channel, Path statePath, Format format) {
      this.channel = channel;
      this.statePath = statePath;
      this.format = format;
    }

    void save(String cursor) throws IOException {
      channel.force(false);
      new ExportState(cursor, channel.position(), format.name()).save(statePath);
    }
  }
}

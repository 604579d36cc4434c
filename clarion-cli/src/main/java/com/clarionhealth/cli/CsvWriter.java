package com.clarionhealth.cli;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.model.Analysis;
import com.clarionhealth.client.model.Call;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Flat columns, RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
 * Messages are left out (they are not flat), and so are the fields this version does not know (the columns
 * stay the documented ones); the free-form {@code analysis.custom} is a JSON cell.
 */
final class CsvWriter implements CallWriter {
  static final List<String> COLUMNS = Arrays.asList("id", "assistant_id", "call_status", "call_type",
      "started_at", "ended_at", "duration_ms", "source_number", "destination_number", "ended_reason",
      "failure_reason", "outcome", "summary", "transcript", "analysis_repetition_count",
      "analysis_interruption_count", "analysis_custom");

  private final Writer out;

  CsvWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void writeHeader() throws IOException {
    row(COLUMNS.toArray());
  }

  @Override
  public void write(CallPage page) throws IOException {
    for (Call call : page.calls()) {
      write(call);
    }
  }

  private void write(Call call) throws IOException {
    Analysis analysis = call.getAnalysis();
    row(call.getId(), call.getAssistantId(), call.getCallStatus(), call.getCallType(),
        call.getStartedAt(), call.getEndedAt(), call.getDurationMs(), call.getSourceNumber(),
        call.getDestinationNumber(), call.getEndedReason(), call.getFailureReason(), call.getOutcome(),
        call.getSummary(), call.getTranscript(),
        analysis == null ? null : analysis.getRepetitionCount(),
        analysis == null ? null : analysis.getInterruptionCount(),
        analysis == null || analysis.getCustom() == null ? null
            : Json.MAPPER.writeValueAsString(analysis.getCustom()));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private void row(Object... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(cells[i] == null ? "" : Objects.toString(cells[i])));
    }
    out.write("\r\n");
  }

  static String escape(String cell) {
    boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
        || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}

package com.clarionhealth.cli;

import com.clarionhealth.client.model.Call;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;

/** One call a line, as the API sends it (messages included). */
final class JsonLinesWriter implements CallWriter {
  private final OutputStream out;
  private final ObjectWriter writer = Json.MAPPER.writerFor(Call.class);

  JsonLinesWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void writeHeader() {}

  @Override
  public void write(Call call) throws IOException {
    out.write(writer.writeValueAsBytes(call));
    out.write('\n');
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}

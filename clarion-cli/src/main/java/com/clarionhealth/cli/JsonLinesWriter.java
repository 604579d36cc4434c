package com.clarionhealth.cli;

import com.clarionhealth.client.CallPage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One call a line, exactly as the API sent it: the text of each call from the page
 * ({@link com.clarionhealth.client.CallQuery#withRawJson()}), not the call re-serialized, so that fields this
 * version does not know, explicit {@code null}s and numbers as written ({@code 1767977409575}) are kept. The
 * lossless format.
 */
final class JsonLinesWriter implements CallWriter {
  private final OutputStream out;

  JsonLinesWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void writeHeader() {}

  @Override
  public void write(CallPage page) throws IOException {
    for (String json : page.rawJson()) {
      out.write(oneLine(json.getBytes(StandardCharsets.UTF_8)));
      out.write('\n');
    }
  }

  /**
   * The call's text with each line break of the server's (whitespace between two tokens) made a space, so
   * that it stays one line and the same JSON. A line break cannot be inside a string: JSON escapes it there,
   * and the client refuses a page whose strings hold a raw one, so no value changes.
   */
  static byte[] oneLine(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] == '\n' || json[i] == '\r') {
        json[i] = ' ';
      }
    }
    return json;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}

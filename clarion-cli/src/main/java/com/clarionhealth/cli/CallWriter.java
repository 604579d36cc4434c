package com.clarionhealth.cli;

import com.clarionhealth.client.model.Call;
import java.io.IOException;

/** Writes calls to an export file in one format. */
interface CallWriter {
  /** What the file starts with (a CSV header), written once, before the first call. */
  void writeHeader() throws IOException;

  void write(Call call) throws IOException;

  /** Pushes what was written to the file, so that a page is on disk before its cursor is saved. */
  void flush() throws IOException;
}

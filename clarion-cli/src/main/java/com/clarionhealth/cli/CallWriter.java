package com.clarionhealth.cli;

import com.clarionhealth.client.CallPage;
import java.io.IOException;

/** Writes calls to an export file in one format, a page at a time. */
interface CallWriter {
  /** What the file starts with (a CSV header), written once, before the first call. */
  void writeHeader() throws IOException;

  /** Every call of the page, in order. */
  void write(CallPage page) throws IOException;

  /** Pushes what was written to the file, so that a page is on disk before its cursor is saved. */
  void flush() throws IOException;
}

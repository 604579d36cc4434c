package com.clarionhealth.cli;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What {@code --resume} continues from, kept beside the output file: the cursor of the last page that
 * is wholly in the file, and the file's length just after that page. A resumed export first cuts the
 * file back to that length, dropping whatever was written after the cursor was saved, so that a crash
 * at any moment loses nothing and duplicates nothing.
 */
final class ExportState {
  final String cursor;
  final long bytes;
  final String format;

  @JsonCreator
  ExportState(@JsonProperty("cursor") String cursor, @JsonProperty("bytes") long bytes,
      @JsonProperty("format") String format) {
    this.cursor = cursor;
    this.bytes = bytes;
    this.format = format;
  }

  @JsonProperty("cursor")
  String cursor() {
    return cursor;
  }

  @JsonProperty("bytes")
  long bytes() {
    return bytes;
  }

  @JsonProperty("format")
  String format() {
    return format;
  }

  static Path pathFor(Path output) {
    return output.resolveSibling(output.getFileName() + ".resume.json");
  }

  static ExportState read(Path file) throws IOException {
    return Json.MAPPER.readValue(file.toFile(), ExportState.class);
  }

  /** Written to a temporary file and moved into place, so the state on disk is never half written. */
  void save(Path file) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Json.MAPPER.writeValue(temporary.toFile(), this);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

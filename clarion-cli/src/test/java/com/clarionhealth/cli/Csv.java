package com.clarionhealth.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader, to check what the tool writes. It refuses what a lenient reader would
 * silently repair, so that a test using it fails on a malformed file: a quote inside an unquoted
 * field, anything but a comma or CRLF after a closing quote, a bare CR or LF outside quotes, and a
 * last row without its CRLF (a cut file).
 */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '"') {
        i++; // a quoted field: up to the closing quote, "" being one quote
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("a quoted field is not closed at offset " + i);
          }
          char c = text.charAt(i++);
          if (c != '"') {
            cell.append(c);
          } else if (i < n && text.charAt(i) == '"') {
            cell.append('"');
            i++;
          } else {
            break;
          }
        }
      } else {
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
          if (text.charAt(i) == '"') {
            throw new IllegalArgumentException("a quote inside an unquoted field at offset " + i);
          }
          cell.append(text.charAt(i++));
        }
      }
      // The field ends here: a comma, or CRLF ending the row; anything else is malformed.
      row.add(cell.toString());
      cell.setLength(0);
      if (i < n && text.charAt(i) == ',') {
        i++;
        if (i == n) {
          throw new IllegalArgumentException("the CSV ends after a comma: the last row is cut");
        }
      } else if (i + 1 < n && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
        i += 2;
        rows.add(row);
        row = new ArrayList<>();
      } else {
        throw new IllegalArgumentException(i >= n ? "the CSV does not end with a complete row (CRLF)"
            : "unexpected " + describe(text.charAt(i)) + " after a field at offset " + i);
      }
    }
    return rows;
  }

  private static String describe(char c) {
    return c == '\r' ? "a bare CR" : c == '\n' ? "a bare LF" : "'" + c + "'";
  }
}

package com.clarionhealth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The export tests trust {@link Csv} to refuse a malformed file: it must, or they could not fail. */
class CsvTest {
  @Test
  void readsQuotedCellsWithCommasQuotesAndLineBreaks() {
    assertThat(Csv.parse("id,text\r\n1,\"say \"\"hi\"\", then\r\nbye\"\r\n2,\r\n")).containsExactly(
        List.of("id", "text"), List.of("1", "say \"hi\", then\r\nbye"), List.of("2", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a,b",              // the last row cut before its CRLF
      "a,b\r\nc,",        // cut after a comma
      "a,\"b\r\n",        // a quoted cell never closed
      "a,b\"c\r\n",       // a quote inside an unquoted cell
      "a,\"b\"c\r\n",     // text after a closing quote
      "a,b\nc,d\r\n",     // a bare LF ending a row
      "a,b\rc,d\r\n"})    // a bare CR
  void refusesWhatIsNotRfc4180(String text) {
    assertThatThrownBy(() -> Csv.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}

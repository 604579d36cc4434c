package com.clarionhealth.client;

import java.nio.charset.StandardCharsets;

/** A response body cut to {@link ClarionApiException#MAX_BODY_BYTES} and decoded as UTF-8. */
final class BoundedBody {

  static final BoundedBody EMPTY = new BoundedBody("", 0);

  final String text;
  final int truncatedBytes;

  private BoundedBody(String text, int truncatedBytes) {
    this.text = text;
    this.truncatedBytes = truncatedBytes;
  }

  static BoundedBody of(byte[] body) {
    if (body == null || body.length == 0) {
      return EMPTY;
    }
    int end = Math.min(body.length, ClarionApiException.MAX_BODY_BYTES);
    if (end < body.length) {
      end = startOfCharAt(body, end);
    }
    // new String(...) replaces malformed input with U+FFFD; it never throws.
    return new BoundedBody(new String(body, 0, end, StandardCharsets.UTF_8), body.length - end);
  }

  // Moves a cut back off UTF-8 continuation bytes so a character is not split into a replacement char.
  private static int startOfCharAt(byte[] b, int cut) {
    for (int i = cut; i > cut - 4 && i > 0; i--) {
      if ((b[i] & 0xC0) != 0x80) {
        return i;
      }
    }
    return cut; // not UTF-8 anyway
  }
}

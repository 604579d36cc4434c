package com.clarionhealth.client.internal;

import com.clarionhealth.client.model.Call;
import java.io.IOException;
import java.util.List;

/**
 * Binds JSON text to calls with a client's own mapper (Jackson 2 in the blocking client, Jackson 3, or 2 where
 * the application has no usable Jackson 3, in the reactive one): the one step of decoding that is not always the
 * same code in both.
 */
public interface CallBinder {
  /** The call in {@code bytes[offset, offset + length)}, or null for a JSON {@code null}. */
  Call bind(byte[] bytes, int offset, int length) throws IOException;

  /**
   * The elements of the JSON array in {@code bytes[offset, offset + length)}, in order, a JSON
   * {@code null} as null.
   */
  List<Call> bindArray(byte[] bytes, int offset, int length) throws IOException;

  /** The one call a whole body holds ({@code POST /call}'s answer); a JSON {@code null} is refused. */
  default Call bindOne(byte[] body) throws IOException {
    Call call = bind(body, 0, body.length);
    if (call == null) {
      throw new IOException("expected a call object, got null");
    }
    return call;
  }
}

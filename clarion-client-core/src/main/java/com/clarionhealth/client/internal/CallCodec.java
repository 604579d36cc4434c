package com.clarionhealth.client.internal;

import com.clarionhealth.client.model.CreateCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A client's JSON binding whole: the calls it reads ({@link CallBinder}) and the {@code CreateCall} it
 * writes. {@link Jackson2Codec} is the blocking client's, and the reactive client's where the application
 * has no usable Jackson 3; the reactive client's Jackson 3 one is its own.
 */
public interface CallCodec extends CallBinder {
  /** {@code createCall} as the request body of {@code POST /call}: snake case, no nulls. */
  byte[] write(CreateCall createCall) throws IOException;

  /** {@link #write}, for a client's {@code create}: a model that cannot be written is a bug, not an I/O failure. */
  default byte[] requestBody(CreateCall createCall) {
    try {
      return write(createCall);
    } catch (IOException e) {
      throw new UncheckedIOException("createCall could not be written as JSON", e);
    }
  }

  /**
   * This codec, once every (de)serializer it needs has been built. Jackson builds one on first use under
   * a lock; concurrent first decodes on event loops would wait on it (BlockHound reports the park), so a
   * client whose decodes run there builds them up front, on the thread that builds the client. This is
   * also where a mapper that cannot work on this class path (a Jackson 3 with too old annotations) fails.
   */
  default CallCodec warmedUp() throws IOException {
    bind(WarmUp.CALL, 0, WarmUp.CALL.length);
    bindArray(WarmUp.ARRAY, 0, WarmUp.ARRAY.length);
    write(new CreateCall().name("n").assistantId(1L).sourcePhoneNumberId(1L).destinationPhoneNumber("+1")
        .taskParameters(Map.of("a", List.of(1, 2.5, true, "s", Map.of("b", Map.of())))));
    return this;
  }
}

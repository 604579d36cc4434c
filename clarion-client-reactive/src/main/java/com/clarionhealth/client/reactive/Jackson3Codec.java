package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's own Jackson 3 mapping, whatever the application configured for its codecs: the same
 * reading and writing as core's Jackson 2 one ({@link com.clarionhealth.client.internal.Jackson2Codec}),
 * which the contract suite holds both to. Only {@link JsonBinding} names this class: where Jackson 3 is
 * absent or cannot link, building it fails with a {@link LinkageError} and the client falls back.
 */
final class Jackson3Codec implements CallCodec {
  private final ObjectReader callReader;
  private final ObjectReader arrayReader;
  private final ObjectWriter createWriter;

  Jackson3Codec() {
    JsonMapper mapper = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        // Jackson's own fast path for the messages' floating-point times.
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
        .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    callReader = mapper.readerFor(Call.class);
    arrayReader = mapper.readerFor(Call[].class);
    createWriter = mapper.writerFor(CreateCall.class);
  }

  @Override
  public byte[] write(CreateCall createCall) {
    return createWriter.writeValueAsBytes(createCall);
  }

  @Override
  public Call bind(byte[] bytes, int offset, int length) {
    return callReader.readValue(bytes, offset, length);
  }

  @Override
  public List<Call> bindArray(byte[] bytes, int offset, int length) {
    // As an array of calls, which binds a JSON null element as null (readValues would refuse it).
    return Arrays.asList(arrayReader.<Call[]>readValue(bytes, offset, length));
  }
}

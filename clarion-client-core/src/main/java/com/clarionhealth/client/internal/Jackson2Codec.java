package com.clarionhealth.client.internal;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The clients' own Jackson 2 mapping, never the application's: whatever the application configured
 * globally (naming strategies, failing on unknown properties) does not change how Clarion decodes.
 * Splitting a page into calls is core's ({@link PageSplitter}); this binds one call from its bytes.
 *
 * <p>The blocking client's binding, and the reactive client's when the application has no usable
 * Jackson 3 (a Spring Boot 3 application): one class, so that both read and write alike. Here, in core,
 * because both clients use it; Jackson 2 is an optional dependency of core, present wherever this class
 * is used (the blocking client depends on it, the reactive client builds this only once it is found).
 */
public final class Jackson2Codec implements CallCodec {
  private final ObjectReader callReader;
  private final ObjectReader arrayReader;
  private final ObjectWriter createWriter;

  public Jackson2Codec() {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // Jackson's own fast path for the messages' floating-point times (FloatingDecimal is a tenth of
        // the CPU of a page otherwise).
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    callReader = mapper.readerFor(Call.class);
    arrayReader = mapper.readerFor(Call[].class);
    createWriter = mapper.writerFor(CreateCall.class);
  }

  @Override
  public byte[] write(CreateCall createCall) throws IOException {
    return createWriter.writeValueAsBytes(createCall);
  }

  @Override
  public Call bind(byte[] bytes, int offset, int length) throws IOException {
    return callReader.readValue(bytes, offset, length);
  }

  @Override
  public List<Call> bindArray(byte[] bytes, int offset, int length) throws IOException {
    // As an array of calls, which binds a JSON null element as null (readValues would refuse it).
    return Arrays.asList(arrayReader.<Call[]>readValue(bytes, offset, length));
  }
}

package com.clarionhealth.client.reactive;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's own Jackson 3 mapping through Spring 7's {@link JacksonJsonDecoder}, whatever the
 * application configured for its own codecs. A page is decoded element by element as its bytes
 * arrive, so only one call at a time is held as text, up to {@code maxCallSize}.
 */
final class ReactiveJson {
  private static final ResolvableType CALL = ResolvableType.forClass(Call.class);

  private final JsonMapper mapper;
  private final JacksonJsonDecoder decoder;

  ReactiveJson(int maxCallSize) {
    mapper = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    decoder = new JacksonJsonDecoder(mapper);
    decoder.setMaxInMemorySize(maxCallSize);
  }

  byte[] write(CreateCall createCall) {
    return mapper.writeValueAsBytes(createCall);
  }

  /**
   * The calls of a JSON array, one by one; a {@code null} element yields nothing. Anything but an
   * array is refused: the decoder would otherwise take a lone object for a one-call page.
   */
  Flux<Call> readCalls(Flux<DataBuffer> body) {
    return decoder.decode(Flux.defer(() -> body.doOnNext(new ArrayCheck())), CALL,
        MediaType.APPLICATION_JSON, Map.of()).cast(Call.class);
  }

  Mono<Call> readCall(Flux<DataBuffer> body) {
    return decoder.decodeToMono(body, CALL, MediaType.APPLICATION_JSON, Map.of()).cast(Call.class)
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("expected a call object, got nothing")));
  }

  /** Fails unless the first byte that is not white space opens an array. */
  private static final class ArrayCheck implements Consumer<DataBuffer> {
    private boolean checked;

    @Override
    public void accept(DataBuffer buffer) {
      for (int i = buffer.readPosition(); !checked && i < buffer.writePosition(); i++) {
        byte b = buffer.getByte(i);
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
          continue;
        }
        if (b != '[') {
          throw new IllegalStateException("expected a JSON array of calls");
        }
        checked = true;
      }
    }
  }
}

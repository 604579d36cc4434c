package com.clarionhealth.client.reactive;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
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

  /** Every kind of value a call holds, to have Jackson build each deserializer once, up front. */
  private static final String WARM_UP = ("{'id':1,'assistant_id':1,'started_at':'2026-01-01T00:00:00Z',"
      + "'ended_at':'2026-01-01T00:00:01.5+01:00','call_status':'ended','ended_reason':'r','transcript':'t',"
      + "'source_number':'+1','destination_number':'+1','call_type':'t','duration_ms':1,'summary':'s',"
      + "'outcome':'o','failure_reason':'declined','unknown':[{'x':null}],"
      + "'analysis':{'repetition_count':1,'interruption_count':1,'custom':{'a':[1,2.5,true,null,'s',{'b':{}}]}},"
      + "'messages':[{'role':'system','message':'m','time':1,'endTime':1.5,'secondsFromStart':1,'duration':1},"
      + "{'role':'bot','message':'m'},{'role':'user','message':'m'},{'role':'other','message':'m'},"
      + "{'role':'tool_calls','toolCalls':[{'id':'i','type':'function','function':{'name':'n','arguments':'{}'}}]},"
      + "{'role':'tool_call_result','toolCallId':'i','name':'n','result':'r'}]}").replace('\'', '"');

  private final JsonMapper mapper;
  private final int maxCallSize;
  private final JacksonJsonDecoder decoder;
  private final JacksonJsonDecoder pageDecoder;

  ReactiveJson(int maxCallSize) {
    mapper = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    this.maxCallSize = maxCallSize;
    decoder = new JacksonJsonDecoder(mapper);
    decoder.setMaxInMemorySize(maxCallSize);
    // A page's calls are bounded by PageCheck, before the decoder: Spring 7.0's tokenizer releases the
    // buffer that exceeds its own limit twice, which corrupts the pooled memory of other responses.
    pageDecoder = new JacksonJsonDecoder(mapper);
    pageDecoder.setMaxInMemorySize(-1);
    // Jackson builds a (de)serializer on first use under a lock; concurrent first decodes on event
    // loops would wait on it (BlockHound reports the park). Build them now, on the building thread.
    mapper.readValue(WARM_UP, Call.class);
    mapper.writeValueAsBytes(new CreateCall().name("n").assistantId(1L).sourcePhoneNumberId(1L)
        .destinationPhoneNumber("+1").taskParameters(Map.of("a", List.of(1, 2.5, true, "s", Map.of("b", Map.of())))));
  }

  byte[] write(CreateCall createCall) {
    return mapper.writeValueAsBytes(createCall);
  }

  /**
   * The calls of a JSON array, one by one; a {@code null} element yields nothing. Anything but an
   * array is refused: the decoder would otherwise take a lone object for a one-call page, values
   * after the array for more calls, and an empty body for an empty page (so that a stream would skip
   * the window). A call of more than {@code maxCallSize} bytes fails with a
   * {@link DataBufferLimitException}.
   */
  Flux<Call> readCalls(Flux<DataBuffer> body) {
    return pageDecoder.decode(Flux.defer(() -> {
      PageCheck check = new PageCheck(maxCallSize);
      return body.<DataBuffer>handle((buffer, sink) -> {
        try {
          check.accept(buffer);
        } catch (RuntimeException e) {
          DataBufferUtils.release(buffer); // not passed on: nobody else will
          sink.error(e);
          return;
        }
        sink.next(buffer);
      }).concatWith(Mono.fromRunnable(check::requireArray));
    }), CALL, MediaType.APPLICATION_JSON, Map.of()).cast(Call.class);
  }

  Mono<Call> readCall(Flux<DataBuffer> body) {
    return decoder.decodeToMono(body, CALL, MediaType.APPLICATION_JSON, Map.of()).cast(Call.class)
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("expected a call object, got nothing")));
  }

  /**
   * Fails unless the body is one JSON array whose elements each take at most {@code maxCallSize}
   * bytes: its first byte that is not white space opens an array, and nothing but white space follows
   * the bracket that closes it. Tracks only nesting and strings; the decoder checks the rest.
   */
  private static final class PageCheck {
    private final int maxCallSize;
    private boolean opened;
    private boolean closed;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private long elementBytes;

    PageCheck(int maxCallSize) {
      this.maxCallSize = maxCallSize;
    }

    void accept(DataBuffer buffer) {
      // Through NIO views: DataBuffer.getByte checks a Netty buffer's reference count on every call,
      // which made this scan most of the client's CPU time (benchmarks, throughput).
      try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
        while (views.hasNext()) {
          scan(views.next());
        }
      }
    }

    private void scan(ByteBuffer bytes) {
      for (int i = bytes.position(), end = bytes.limit(); i < end; i++) {
        byte b = bytes.get(i);
        if ((depth > 1 || depth == 1 && inString) && ++elementBytes > maxCallSize) {
          throw new DataBufferLimitException(
              "a call in the page is larger than maxCallSize (" + maxCallSize + " bytes)");
        }
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (b == '\\') {
            escaped = true;
          } else if (b == '"') {
            inString = false;
            if (depth == 1) {
              elementBytes = 0;
            }
          }
        } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
          continue;
        } else if (closed) {
          throw new IllegalStateException("expected a JSON array of calls, got more after it");
        } else if (!opened && b != '[') {
          throw new IllegalStateException("expected a JSON array of calls");
        } else if (b == '"') {
          inString = true;
        } else if (b == '[' || b == '{') {
          opened = true;
          depth++;
        } else if (b == ']' || b == '}') {
          depth--;
          if (depth == 1) {
            elementBytes = 0;
          } else if (depth == 0) {
            closed = true;
          }
        }
      }
    }

    /** Fails if the body ended before anything but white space. */
    void requireArray() {
      if (!opened) {
        throw new IllegalStateException("expected a JSON array of calls, got an empty body");
      }
    }
  }
}

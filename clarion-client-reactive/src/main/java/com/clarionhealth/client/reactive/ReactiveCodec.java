package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.CallBinder;
import com.clarionhealth.client.internal.Exchange;
import com.clarionhealth.client.internal.PageSplitter;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's own Jackson 3 mapping, whatever the application configured for its codecs, and the
 * reading of bodies as their buffers arrive: each buffer is fed to core's {@link PageSplitter} and
 * released at once, so a page is held as its bytes only, and each call is bound from its own bytes.
 * No Spring codec is involved, so no codec's buffer limit applies; {@code maxCallSize} bounds one call.
 */
final class ReactiveCodec implements CallBinder {
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
  private final ObjectReader callReader;
  private final ObjectReader arrayReader;
  private final int maxCallSize;

  ReactiveCodec(int maxCallSize) {
    this.maxCallSize = maxCallSize;
    mapper = JsonMapper.builder()
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
    // Jackson builds a (de)serializer on first use under a lock; concurrent first decodes on event
    // loops would wait on it (BlockHound reports the park). Build them now, on the building thread.
    callReader.readValue(WARM_UP);
    arrayReader.readValue("[" + WARM_UP + ",null]");
    mapper.writeValueAsBytes(new CreateCall().name("n").assistantId(1L).sourcePhoneNumberId(1L)
        .destinationPhoneNumber("+1").taskParameters(Map.of("a", List.of(1, 2.5, true, "s", Map.of("b", Map.of())))));
  }

  byte[] write(CreateCall createCall) {
    return mapper.writeValueAsBytes(createCall);
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


  /**
   * Splits a body that is a JSON array as it arrives and finishes it at its end. What the body says
   * wrong becomes the exchange's {@link com.clarionhealth.client.ClarionDecodingException}; a body
   * that stops arriving fails as it did, for the engine to classify.
   */
  <T> Mono<T> array(Flux<DataBuffer> body, long contentLength, Exchange exchange, PageSplitter.Finish<T> finish) {
    return Mono.defer(() -> {
      PageSplitter page = new PageSplitter(maxCallSize, contentLength);
      return body.doOnNext(buffer -> {
        try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
          while (views.hasNext()) {
            page.feed(views.next());
          }
        } catch (RuntimeException e) {
          throw exchange.undecodable(page.head(), e);
        } finally {
          DataBufferUtils.release(buffer);
        }
      }).then(Mono.fromCallable(() -> {
        try {
          return finish.apply(page);
        } catch (IOException | RuntimeException e) {
          throw exchange.undecodable(page.head(), e);
        }
      }));
    });
  }

  /** The one call of {@code POST /call}'s answer, at most {@code maxCallSize} bytes. */
  Mono<Call> one(Flux<DataBuffer> body, long contentLength, Exchange exchange) {
    return Mono.defer(() -> {
      Bytes bytes = new Bytes(maxCallSize);
      return body.doOnNext(buffer -> {
        try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
          while (views.hasNext()) {
            bytes.add(views.next());
          }
        } catch (RuntimeException e) {
          throw exchange.undecodable(bytes.toArray(), e);
        } finally {
          DataBufferUtils.release(buffer);
        }
      }).then(Mono.fromCallable(() -> {
        byte[] all = bytes.toArray();
        try {
          return bindOne(all);
        } catch (IOException | RuntimeException e) {
          throw exchange.undecodable(all, e);
        }
      }));
    });
  }

  /** A body's bytes, refused past a limit while they arrive. */
  private static final class Bytes {
    private final int limit;
    private byte[] bytes = new byte[1024];
    private int length;

    Bytes(int limit) {
      this.limit = limit;
    }

    void add(ByteBuffer buffer) {
      int n = buffer.remaining();
      if (length + n > limit) {
        throw new IllegalStateException("the call is larger than maxCallSize (" + limit + " bytes)");
      }
      if (length + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(length + n, Math.min(limit, bytes.length * 2)));
      }
      buffer.duplicate().get(bytes, length, n);
      length += n;
    }

    byte[] toArray() {
      return java.util.Arrays.copyOf(bytes, length);
    }
  }
}

package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.internal.Exchange;
import com.clarionhealth.client.internal.PageSplitter;
import com.clarionhealth.client.model.Call;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reading of bodies as their buffers arrive: each buffer is fed to core's {@link PageSplitter} and
 * released at once, so a page is held as its bytes only, and each call is bound from its own bytes by
 * the client's codec (Jackson 3 or 2, {@link JsonBinding}). No Spring codec is involved, so no codec's
 * buffer limit applies; {@code maxCallSize} bounds one call.
 */
final class ReactiveCodec {
  private final CallCodec json;
  private final int maxCallSize;

  ReactiveCodec(CallCodec json, int maxCallSize) {
    this.json = json;
    this.maxCallSize = maxCallSize;
  }

  /** The binding calls are read and {@code CreateCall} written with. */
  CallCodec json() {
    return json;
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
          return json.bindOne(all);
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

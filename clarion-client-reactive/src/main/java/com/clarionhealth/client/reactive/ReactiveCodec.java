package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.internal.Exchange;
import com.clarionhealth.client.internal.PageSplitter;
import com.clarionhealth.client.model.Call;
import java.io.IOException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
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
    // Joined, then released once: releasing each buffer as it arrives (as the page reader does) released one buffer
    // too many when the create ran inside a WebFlux server handler (Netty's IllegalReferenceCountException, seen in
    // the sample application, also with a plain WebClient doing the same); join's own buffer handling does not.
    // A POST answer is one call, bounded by maxCallSize, refused as soon as it grows past it.
    return DataBufferUtils.join(body, maxCallSize)
        .onErrorMap(DataBufferLimitException.class, tooLarge -> exchange.undecodable(new byte[0],
            new IllegalStateException("the call is larger than maxCallSize (" + maxCallSize + " bytes)")))
        .map(joined -> {
          byte[] all = new byte[joined.readableByteCount()];
          joined.read(all);
          DataBufferUtils.release(joined);
          return all;
        })
        .defaultIfEmpty(new byte[0]) // an empty answer is refused by the binder, with the others
        .map(all -> {
          try {
            return json.bindOne(all);
          } catch (IOException | RuntimeException e) {
            throw exchange.undecodable(all, e);
          }
        });
  }
}

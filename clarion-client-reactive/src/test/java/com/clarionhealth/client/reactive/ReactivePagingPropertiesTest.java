package com.clarionhealth.client.reactive;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.internal.PagingDriver;
import com.clarionhealth.client.internal.PagingProperties;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The paging properties through the reactive client's own loop, {@link ReactivePages}. The server
 * answers on other threads, as a network would, so that segments really run at once.
 */
class ReactivePagingPropertiesTest extends PagingProperties {
  static final PagingDriver DRIVER = (plan, server, maxPages, sink) -> {
    var pages = ReactivePages.pages(plan, window -> Mono.fromCallable(() -> server.apply(window))
        .subscribeOn(Schedulers.parallel()));
    if (maxPages == 0) {
      // Subscribed but never asked for a page: nothing may be fetched.
      BaseSubscriber<CallPage> idle = new BaseSubscriber<>() {
        @Override
        protected void hookOnSubscribe(Subscription subscription) {}
      };
      pages.subscribe(idle);
      idle.dispose();
      return;
    }
    // The consumer takes one page at a time on a thread where it may block, as a subscriber that
    // writes each page somewhere does.
    pages.take(maxPages).publishOn(Schedulers.boundedElastic(), 1).doOnNext(sink).blockLast();
  };

  @Override
  protected PagingDriver driver() {
    return DRIVER;
  }
}

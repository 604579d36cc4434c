package com.clarionhealth.client.reactive;

import com.clarionhealth.client.ClarionException;
import java.net.URI;

/** What one attempt ended with: a value, or a failure, and for a followable redirect its target. */
final class Outcome<T> {
  final T value;
  final ClarionException failure;
  final URI redirect;

  private Outcome(T value, ClarionException failure, URI redirect) {
    this.value = value;
    this.failure = failure;
    this.redirect = redirect;
  }

  static <T> Outcome<T> value(T value) {
    return new Outcome<>(value, null, null);
  }

  static <T> Outcome<T> failure(ClarionException failure) {
    return new Outcome<>(null, failure, null);
  }

  /** A redirect to follow; {@code failure} is what to throw if no more redirects may be followed. */
  static <T> Outcome<T> redirect(URI target, ClarionException failure) {
    return new Outcome<>(null, failure, target);
  }
}

package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClientBuilder;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/** Sets the seams both clients' builders share (environment, clock, jitter), keeping the chain. */
public final class Seams {
  private Seams() {}

  public static <B extends ClientBuilder<B>> B env(B builder, Function<String, String> env) {
    ClientSettings.of(builder).env(env);
    return builder;
  }

  public static <B extends ClientBuilder<B>> B clock(B builder, Clock clock) {
    ClientSettings.of(builder).clock(clock);
    return builder;
  }

  public static <B extends ClientBuilder<B>> B random(B builder, DoubleSupplier random) {
    ClientSettings.of(builder).random(random);
    return builder;
  }
}

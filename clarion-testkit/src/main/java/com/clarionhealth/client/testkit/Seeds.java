package com.clarionhealth.client.testkit;

/** Deterministic mixing of seeds (SplitMix64's finalizer), so that every derived stream is independent. */
final class Seeds {
  private Seeds() {}

  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long mix(long a, long b, long c) {
    return mix(mix(a, b), c);
  }

  /** A double in [0, 1) from 53 bits of {@code bits}. */
  static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}

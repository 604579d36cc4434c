package com.clarionhealth.client.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The API key, kept out of logs: {@link #toString()} never shows it and no error message echoes it.
 *
 * <p>A key from a {@link Supplier} is fetched and checked on every {@link #bearer()} call, so keys can rotate.
 *
 * <p>Not API: see the {@linkplain com.clarionhealth.client.internal package documentation}.
 */
public final class ApiKey {

  /** Environment variable consulted when no key is given explicitly: {@value}. */
  public static final String ENV_VAR = "CLARION_API_KEY";

  private final Supplier<String> source;
  private final String origin;

  private ApiKey(Supplier<String> source, String origin) {
    this.source = source;
    this.origin = origin;
  }

  /**
   * A fixed key, checked now.
   *
   * @param apiKey the key, without {@code Bearer }
   * @return the key
   * @throws IllegalArgumentException naming {@code apiKey} if blank or containing whitespace, control or
   *                                  non-ASCII characters
   */
  public static ApiKey of(String apiKey) {
    return fixed(apiKey, "apiKey");
  }

  /**
   * A key fetched from {@code supplier} on every request, checked each time.
   *
   * @param supplier where to read the key, e.g. a secret manager cache
   * @return the key
   */
  public static ApiKey from(Supplier<String> supplier) {
    Objects.requireNonNull(supplier, "apiKeySupplier == null");
    return new ApiKey(supplier, "apiKey (from the supplier)");
  }

  /**
   * The key to use: {@code explicitKey}, else {@code supplier}, else the {@code CLARION_API_KEY} variable.
   *
   * @param explicitKey the key given to the client builder, or null
   * @param supplier    the supplier given to the client builder, or null
   * @param env         environment lookup, e.g. {@code System::getenv}
   * @return the key
   * @throws IllegalStateException if none of the three is set
   */
  public static ApiKey resolve(String explicitKey, Supplier<String> supplier, Function<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    if (explicitKey != null) {
      return of(explicitKey);
    }
    if (supplier != null) {
      return from(supplier);
    }
    String fromEnv = env.apply(ENV_VAR);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fixed(fromEnv, "apiKey (from " + ENV_VAR + ")");
    }
    throw new IllegalStateException("No Clarion API key configured: set apiKey (or an apiKey supplier) on the "
        + "client builder, or set the " + ENV_VAR + " environment variable");
  }

  private static ApiKey fixed(String key, String origin) {
    Objects.requireNonNull(key, origin + " == null");
    check(key, origin);
    return new ApiKey(() -> key, origin);
  }

  /**
   * The {@code Authorization} header value.
   *
   * @return {@code "Bearer " + key}
   * @throws IllegalStateException    if a supplier returned null
   * @throws IllegalArgumentException if a supplier returned an invalid key
   */
  public String bearer() {
    String key = source.get();
    if (key == null) {
      throw new IllegalStateException(origin + " is null");
    }
    check(key, origin);
    return "Bearer " + key;
  }

  // Only visible ASCII: whitespace, CR or LF would let a key inject headers.
  private static void check(String key, String origin) {
    if (key.isBlank()) {
      throw new IllegalArgumentException(origin + " must not be blank");
    }
    if (key.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw new IllegalArgumentException(origin + " must be the bare key, without the \"Bearer \" prefix");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw new IllegalArgumentException(
            origin + " must not contain whitespace, line breaks, control or non-ASCII characters (at index " + i
                + ")");
      }
    }
  }

  /**
   * Never shows the key.
   *
   * @return {@code ApiKey[redacted]}
   */
  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}

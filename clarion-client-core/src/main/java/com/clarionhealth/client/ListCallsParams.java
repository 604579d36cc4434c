package com.clarionhealth.client;

import java.time.Instant;
import java.util.Optional;

/**
 * The query of exactly one {@code GET /call}: what {@code calls().list(params)} sends. Immutable. For
 * every call of a range, use {@code calls().stream(CallQuery)} instead: one page is capped at 1000.
 */
public final class ListCallsParams {
  private static final ListCallsParams DEFAULTS = new Builder().build();

  private final Integer limit;
  private final Instant createdAtGe;
  private final Instant createdAtLe;

  private ListCallsParams(Builder builder) {
    this.limit = builder.limit;
    this.createdAtGe = builder.createdAtGe;
    this.createdAtLe = builder.createdAtLe;
  }

  /** No parameters: the server's defaults (the first 100 calls it chooses). */
  public static ListCallsParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code limit} sent; empty means the server's default, 100. */
  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  /** The inclusive lower bound of creation time sent as {@code createdAtGe}, if any. */
  public Optional<Instant> createdAtGe() {
    return Optional.ofNullable(createdAtGe);
  }

  /** The inclusive upper bound of creation time sent as {@code createdAtLe}, if any. */
  public Optional<Instant> createdAtLe() {
    return Optional.ofNullable(createdAtLe);
  }

  @Override
  public String toString() {
    return "ListCallsParams{limit=" + limit + ", createdAtGe=" + createdAtGe
        + ", createdAtLe=" + createdAtLe + '}';
  }

  /** Builds {@link ListCallsParams}; every field is optional. */
  public static final class Builder {
    private Integer limit;
    private Instant createdAtGe;
    private Instant createdAtLe;

    private Builder() {}

    /** At most this many calls, 1 to 1000. Default: not sent, so the server's default of 100. */
    public Builder limit(int limit) {
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("limit must be within 1..1000, was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Only calls created at or after this instant (sent with millisecond precision). Default: none.
     *
     * @throws IllegalArgumentException if outside {@link CallQuery#EARLIEST}..{@link CallQuery#LATEST},
     *     which the wire format cannot say
     */
    public Builder createdAtGe(Instant createdAtGe) {
      this.createdAtGe = checkBounds(createdAtGe, "createdAtGe");
      return this;
    }

    /**
     * Only calls created at or before this instant (sent with millisecond precision). Default: none.
     *
     * @throws IllegalArgumentException if outside {@link CallQuery#EARLIEST}..{@link CallQuery#LATEST}
     */
    public Builder createdAtLe(Instant createdAtLe) {
      this.createdAtLe = checkBounds(createdAtLe, "createdAtLe");
      return this;
    }

    // A year outside 0000..9999 would be sent as "+10000-..." (a '+' reads as a space in a query) or
    // fail deep in the formatter with a DateTimeException naming no parameter.
    private static Instant checkBounds(Instant instant, String name) {
      if (instant != null && (instant.isBefore(CallQuery.EARLIEST) || instant.isAfter(CallQuery.LATEST))) {
        throw new IllegalArgumentException(name + " must be between " + CallQuery.EARLIEST + " and "
            + CallQuery.LATEST + ", was " + instant);
      }
      return instant;
    }

    /** @throws IllegalArgumentException if {@code createdAtGe} is after {@code createdAtLe} */
    public ListCallsParams build() {
      if (createdAtGe != null && createdAtLe != null && createdAtGe.isAfter(createdAtLe)) {
        throw new IllegalArgumentException(
            "createdAtGe (" + createdAtGe + ") is after createdAtLe (" + createdAtLe + ")");
      }
      return new ListCallsParams(this);
    }
  }
}

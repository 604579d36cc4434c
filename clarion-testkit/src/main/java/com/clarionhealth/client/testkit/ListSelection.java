package com.clarionhealth.client.testkit;

/**
 * Which calls {@code GET /call} returns when more than {@code limit} match. The API only promises "at most
 * {@code limit}", so a client must treat a full page as possibly any subset of the matching calls.
 */
public enum ListSelection {
  /**
   * The first {@code limit} in the {@linkplain ListOrder order}: with {@link ListOrder#NEWEST_FIRST} the
   * newest. With {@link ListOrder#RANDOM} this is a random subset too. The default.
   */
  FIRST,

  /**
   * An arbitrary subset of {@code limit} of the matching calls, drawn afresh for every request (reproducibly,
   * from the sandbox's seed), then returned in the {@linkplain ListOrder order}.
   */
  RANDOM_SUBSET
}

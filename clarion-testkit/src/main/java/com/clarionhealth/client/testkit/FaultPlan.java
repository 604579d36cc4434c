package com.clarionhealth.client.testkit;

import java.util.ArrayList;
import java.util.List;

/** The fault rules in force, and the deterministic draw that picks one (or none) for a request. */
final class FaultPlan {
  private static final class Entry {
    final FaultRule rule;
    int fired;

    Entry(FaultRule rule) {
      this.rule = rule;
    }

    boolean live(String method) {
      return rule.appliesTo(method) && (!rule.times().isPresent() || fired < rule.times().getAsInt());
    }
  }

  private final long seed;
  private final List<Entry> entries = new ArrayList<>();
  private long getRank;
  private long postRank;

  FaultPlan(long seed) {
    this.seed = seed;
  }

  synchronized void add(FaultRule rule) {
    for (String method : new String[] {"GET", "POST"}) {
      if (!rule.appliesTo(method)) {
        continue;
      }
      double total = rule.share();
      for (Entry entry : entries) {
        if (entry.live(method)) { // a rule that has fired its times takes no share any more
          total += entry.rule.share();
        }
      }
      if (total > 1.0 + 1e-9) {
        throw new IllegalArgumentException("the shares of the fault rules on " + method
            + " would add up to " + total + ", more than 1: " + rule);
      }
    }
    entries.add(new Entry(rule));
  }

  synchronized List<FaultRule> rules() {
    List<FaultRule> rules = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      rules.add(entry.rule);
    }
    return rules;
  }

  synchronized void clear() {
    entries.clear();
    getRank = 0;
    postRank = 0;
  }

  /**
   * The rule that answers the next valid request of {@code method}, or null. Every call counts as one
   * request of that method, whether a rule fires or not, so the n-th request always draws the same number.
   */
  synchronized FaultRule draw(String method) {
    boolean get = method.equals("GET");
    long rank = get ? ++getRank : ++postRank;
    double u = Seeds.unit(Seeds.mix(seed, get ? 0x6E7L : 0x9057L, rank));
    double accumulated = 0;
    for (Entry entry : entries) {
      if (entry.live(method)) {
        accumulated += entry.rule.share();
        if (u < accumulated) {
          entry.fired++;
          return entry.rule;
        }
      }
    }
    return null;
  }
}

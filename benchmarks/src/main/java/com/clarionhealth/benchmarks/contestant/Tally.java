package com.clarionhealth.benchmarks.contestant;

/**
 * What a stream delivered: the number of calls, the sum of their ids (equal to the data set's exactly when
 * each call came once, barring a coincidence) and of their transcripts' lengths (so that a decoded field is
 * used).
 */
public final class Tally {
  private long calls;
  private long idSum;
  private long transcriptChars;

  public void add(Long id, String transcript) {
    calls++;
    idSum += id == null ? 0 : id;
    transcriptChars += transcript == null ? 0 : transcript.length();
  }

  public Tally merge(Tally other) {
    calls += other.calls;
    idSum += other.idSum;
    transcriptChars += other.transcriptChars;
    return this;
  }

  public long calls() {
    return calls;
  }

  public long idSum() {
    return idSum;
  }

  public long transcriptChars() {
    return transcriptChars;
  }
}

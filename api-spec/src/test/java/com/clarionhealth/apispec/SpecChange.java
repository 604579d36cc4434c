package com.clarionhealth.apispec;

/**
 * One change between the baseline and the current spec, as the gate reports it.
 *
 * @param change what changed and where, e.g. {@code Call.call_status (CallStatus): enum value removed: forwarding};
 *     also the exact text that acknowledges it in breaking-changes.yaml, so it names values, never positions
 * @param kind the report section it is listed in
 * @param breaking whether it breaks code or data of this project's users (see {@link SpecChanges} for the rules)
 */
record SpecChange(String change, Kind kind, boolean breaking) {

  enum Kind {
    ADDED("Added"), CHANGED("Changed"), REMOVED("Removed");

    final String title;

    Kind(String title) {
      this.title = title;
    }
  }
}

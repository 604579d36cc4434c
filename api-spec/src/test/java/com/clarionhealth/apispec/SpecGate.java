package com.clarionhealth.apispec;

import com.clarionhealth.apispec.SpecChange.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spec-change gate: the changes from the baseline (the spec as last released) to the current spec, and whether
 * each breaking one is acknowledged, with a reason, in breaking-changes.yaml. Run on every build by
 * {@code SpecGateTest}; described in api-spec/README.md.
 */
final class SpecGate {

  static final String BASELINE = "api-spec/baseline/clarion-openapi.yaml";
  static final String ACKNOWLEDGEMENTS = "api-spec/breaking-changes.yaml";
  static final String CURRENT = "api-spec/src/main/resources/clarion/clarion-openapi.yaml";

  private SpecGate() {}

  static Result check(String baseline, String current, String acknowledgements) {
    return new Result(SpecChanges.between(baseline, current), Acknowledgements.parse(acknowledgements),
        baselineNote(baseline));
  }

  /** The baseline's own line saying which release (or commit) it is. */
  private static String baselineNote(String baseline) {
    return baseline.lines().filter(line -> line.startsWith("# Baseline:")).findFirst()
        .map(line -> line.substring("# Baseline:".length()).trim()).orElse("(the baseline says not which release)");
  }

  record Result(List<SpecChange> changes, Acknowledgements acknowledgements, String baselineNote) {

    List<SpecChange> unacknowledged() {
      return changes.stream().filter(c -> c.breaking() && !acknowledgements.why().containsKey(c.change()))
          .collect(Collectors.toList());
    }

    /** Acknowledgements no change matches: left over from before the baseline moved, or mistyped. */
    List<String> stale() {
      Set<String> found = changes.stream().map(SpecChange::change).collect(Collectors.toSet());
      return acknowledgements.why().keySet().stream().filter(change -> !found.contains(change))
          .collect(Collectors.toList());
    }

    boolean passed() {
      return acknowledgements.problems().isEmpty() && unacknowledged().isEmpty();
    }

    /** Why the gate failed, naming each unacknowledged breaking change and each problem of the acknowledgements. */
    String failure() {
      StringBuilder text = new StringBuilder();
      List<SpecChange> unacknowledged = unacknowledged();
      if (!unacknowledged.isEmpty()) {
        text.append(unacknowledged.size()).append(" breaking change(s) against ").append(BASELINE)
            .append(" not acknowledged in ").append(ACKNOWLEDGEMENTS).append(":\n");
        unacknowledged.forEach(c -> text.append("  - ").append(c.change()).append('\n'));
        text.append("Undo them, or, if users must take them, add each to ").append(ACKNOWLEDGEMENTS)
            .append(" with why (api-spec/README.md, \"When Clarion publishes a new version\").\n");
      }
      if (!acknowledgements.problems().isEmpty()) {
        text.append(ACKNOWLEDGEMENTS).append(" is rejected:\n");
        acknowledgements.problems().forEach(p -> text.append("  - ").append(p).append('\n'));
      }
      return text.toString();
    }

    /** The report written to target/spec-diff/report.md (Markdown). */
    String report() {
      StringBuilder md = new StringBuilder("# Spec changes\n\n");
      md.append("Baseline: `").append(BASELINE).append("` (").append(baselineNote).append(")  \n");
      md.append("Current: `").append(CURRENT).append("`  \n");
      md.append("Acknowledged breaking changes: `").append(ACKNOWLEDGEMENTS).append("`\n\n");
      long breaking = changes.stream().filter(SpecChange::breaking).count();
      List<SpecChange> unacknowledged = unacknowledged();
      md.append(passed() ? "**PASSED**: " : "**FAILED**: ").append(changes.size()).append(" change(s), ")
          .append(breaking).append(" breaking, ").append(unacknowledged.size()).append(" of them not acknowledged");
      if (!acknowledgements.problems().isEmpty()) {
        md.append("; ").append(ACKNOWLEDGEMENTS).append(" is rejected");
      }
      md.append(".\n");
      if (changes.isEmpty()) {
        md.append("\nNo changes: the current spec is the baseline's.\n");
      }
      for (Kind kind : Kind.values()) {
        List<SpecChange> ofKind = changes.stream().filter(c -> c.kind() == kind).collect(Collectors.toList());
        if (!ofKind.isEmpty()) {
          md.append("\n## ").append(kind.title).append("\n\n");
          ofKind.forEach(c -> md.append("- `").append(c.change()).append("`: ").append(verdict(c)).append('\n'));
        }
      }
      List<String> stale = stale();
      if (!stale.isEmpty()) {
        md.append("\n## Stale acknowledgements\n\nIn `").append(ACKNOWLEDGEMENTS).append("`, but no such change "
            + "(remove them; when the baseline moves, the file is emptied):\n\n");
        stale.forEach(change -> md.append("- `").append(change).append("`\n"));
      }
      if (!acknowledgements.problems().isEmpty()) {
        md.append("\n## `").append(ACKNOWLEDGEMENTS).append("` is rejected\n\n");
        acknowledgements.problems().forEach(p -> md.append("- ").append(p).append('\n'));
      }
      return md.toString();
    }

    private String verdict(SpecChange change) {
      if (!change.breaking()) {
        return "not breaking";
      }
      String why = acknowledgements.why().get(change.change());
      return why == null ? "**BREAKING, not acknowledged**" : "breaking, acknowledged: " + why;
    }
  }

  /**
   * The breaking changes accepted on purpose, each with why. The file is YAML:
   *
   * <pre>
   * acknowledged:
   *   - change: 'Call.call_status (CallStatus): enum value removed: forwarding'
   *     why: Clarion renamed it to forwarded (published page 002_...); our users must ...
   * </pre>
   *
   * @param why each acknowledged change (the gate's exact text) to its reason, in file order
   * @param problems what makes the file unusable; the gate fails on any
   */
  record Acknowledgements(Map<String, String> why, List<String> problems) {

    static Acknowledgements parse(String yaml) {
      Map<String, String> why = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      JsonNode root;
      try {
        root = Yaml.mapper().readTree(yaml);
      } catch (IOException e) {
        return new Acknowledgements(why, List.of("not YAML: " + e.getMessage()));
      }
      if (root == null || root.isMissingNode() || root.isNull()) {
        return new Acknowledgements(why, problems);
      }
      if (!root.isObject() || !onlyFields(root, "acknowledged")) {
        problems.add("expected a mapping with the one key 'acknowledged' (a list)");
        return new Acknowledgements(why, problems);
      }
      JsonNode entries = root.path("acknowledged");
      if (!entries.isArray() && !entries.isNull() && !entries.isMissingNode()) {
        problems.add("'acknowledged' must be a list");
        return new Acknowledgements(why, problems);
      }
      int number = 0;
      for (JsonNode entry : entries) {
        number++;
        String change = entry.path("change").isTextual() ? entry.path("change").asText().trim() : "";
        String reason = entry.path("why").isTextual() ? entry.path("why").asText().trim() : "";
        String name = "entry " + number + (change.isEmpty() ? "" : " ('" + change + "')");
        if (!entry.isObject() || !onlyFields(entry, "change", "why")) {
          problems.add(name + ": expected exactly the keys 'change' and 'why'");
        } else if (change.isEmpty()) {
          problems.add(name + ": 'change' is missing or empty: copy the change from the gate's report");
        } else if (reason.isEmpty()) {
          problems.add(name + ": 'why' is missing or empty: say why users must take this breaking change");
        } else if (why.putIfAbsent(change, reason) != null) {
          problems.add(name + ": acknowledged twice");
        }
      }
      return new Acknowledgements(why, problems);
    }

    private static boolean onlyFields(JsonNode node, String... allowed) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        if (!List.of(allowed).contains(names.next())) {
          return false;
        }
      }
      return true;
    }
  }
}

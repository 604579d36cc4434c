package com.clarionhealth.benchmarks;

import com.clarionhealth.benchmarks.harness.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RESULTS.md: the machine, the targets (met or missed, with the figure), and one section per scenario. A
 * hand-written analysis between the {@code analysis} markers of an existing file is kept on rewrite.
 */
final class Report {
  static final String ANALYSIS_START = "<!-- analysis:start -->";
  static final String ANALYSIS_END = "<!-- analysis:end -->";

  private final Config config;
  private final String startedAt = Machine.now();
  private final double loadAtStart = Machine.loadAverage();
  private final long startNanos = System.nanoTime();
  /** The order of the targets table, whatever the order the scenarios ran in. */
  static final List<String> GROUPS = List.of("throughput", "latency", "memory", "requests", "create", "create-load");

  private final List<String[]> targets = new ArrayList<>();
  private final StringBuilder sections = new StringBuilder();

  Report(Config config) {
    this.config = config;
  }

  /** @param group one of {@link #GROUPS}: where the target goes in the table */
  void target(String group, String target, String figure, boolean met) {
    if (!GROUPS.contains(group)) {
      throw new IllegalArgumentException("no target group " + group);
    }
    targets.add(new String[] {group, target, figure, met ? "**met**" : "**missed**"});
  }

  void section(String markdown) {
    sections.append(markdown).append('\n');
  }

  void write(Path path, String command) throws IOException {
    String kept = null;
    if (Files.exists(path)) {
      String old = Files.readString(path, StandardCharsets.UTF_8);
      int start = old.indexOf(ANALYSIS_START);
      int end = old.indexOf(ANALYSIS_END);
      if (start >= 0 && end > start) {
        kept = old.substring(start, end + ANALYSIS_END.length());
      }
    }
    double minutes = (System.nanoTime() - startNanos) / 60e9;
    StringBuilder s = new StringBuilder();
    s.append("# Benchmark results\n\n");
    s.append("Written by `").append(command).append("` (see [README.md](README.md) for what each scenario does)")
        .append(config.quick() ? ". **A `--quick` smoke run: small sizes, too few runs to compare; not results.**"
            : ".").append("\n\n");
    s.append("| machine | |\n|---|---|\n");
    s.append("| cores | ").append(Machine.cores()).append(" (shared with other builds while this ran: 1-minute load ")
        .append(String.format("%.2f", loadAtStart)).append(" at the start, ")
        .append(String.format("%.2f", Machine.loadAverage())).append(" at the end) |\n");
    s.append("| CPU | ").append(Machine.cpuModel()).append(" |\n");
    s.append("| memory | ").append(String.format("%.1f GiB", Machine.memoryBytes() / (1024.0 * 1024 * 1024)))
        .append(" |\n");
    s.append("| OS | ").append(Machine.os()).append(" |\n");
    s.append("| JDK | ").append(Machine.jdk()).append(" |\n");
    s.append("| date | ").append(startedAt).append(", ").append(String.format("%.1f", minutes))
        .append(" minutes |\n\n");
    s.append("## Targets\n\nReported, not asserted; every figure below is from this run.\n\n"
        + "| | target | figure | |\n|---|---|---|---|\n");
    List<String[]> sorted = new ArrayList<>(targets);
    sorted.sort(java.util.Comparator.comparingInt(t -> GROUPS.indexOf(t[0]))); // stable: scenario order within
    for (String[] t : sorted) {
      s.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" | ").append(t[3])
          .append(" |\n");
    }
    s.append('\n').append(sections);
    s.append("## Analysis\n\n");
    if (kept != null) {
      s.append(kept).append('\n');
    } else {
      s.append(ANALYSIS_START).append("\n_No hand-written analysis yet: the profiles above are the evidence._\n")
          .append(ANALYSIS_END).append('\n');
    }
    Files.createDirectories(path.toAbsolutePath().getParent());
    Files.writeString(path, s.toString(), StandardCharsets.UTF_8);
  }
}

package org.tariffcast.app.job;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.run.RunLimits;
import org.tariffcast.model.run.RunSettings;

/**
 * Run settings given on the command line or by a schedule, on top of {@code study.yml}. A
 * trial count given here is exact: it replaces any precision target of the study.
 *
 * @param trials trials, or null to keep the study's
 * @param seed seed, or null to keep the study's
 */
public record Overrides(Long trials, Long seed) {
  public static final Overrides NONE = new Overrides(null, null);

  public Overrides {
    if (trials != null && !RunLimits.trialsOk(trials)) {
      throw new IllegalArgumentException("trials: expected " + RunLimits.trialsWords() + ", found " + trials);
    }
  }

  /** {@code trials=2000;seed=7}, in that order, only what is given; empty for none. */
  public String canonical() {
    List<String> parts = new ArrayList<>();
    if (trials != null) {
      parts.add("trials=" + trials);
    }
    if (seed != null) {
      parts.add("seed=" + seed);
    }
    return String.join(";", parts);
  }

  /** Reads {@link #canonical()} back. */
  public static Overrides parse(String text) {
    Long trials = null;
    Long seed = null;
    if (text != null && !text.isBlank()) {
      for (String part : text.split(";")) {
        String[] kv = part.split("=", 2);
        switch (kv[0].trim()) {
          case "trials" -> trials = Long.parseLong(kv[1].trim());
          case "seed" -> seed = Long.parseLong(kv[1].trim());
          default -> throw new IllegalArgumentException("unknown override '" + kv[0] + "' in '" + text + "'");
        }
      }
    }
    return new Overrides(trials, seed);
  }

  public ModelConfig applyTo(ModelConfig config) {
    RunSettings run = config.run();
    if (trials != null) {
      run = new RunSettings(trials, run.seed(), run.sampling(), run.solver(), run.partitions(), null);
    }
    if (seed != null) {
      run = run.withSeed(seed);
    }
    return run == config.run() ? config : config.withRun(run);
  }
}

package org.tariffcast.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.model.result.RunResult;

/** Comparing stored results. */
public final class Results {
  private Results() {}

  /** Exactly equal, except that -0.0 may come back as 0.0 (the one thing H2 does not keep). */
  public static void assertSame(RunResult actual, RunResult expected) {
    assertThat(actual).usingRecursiveComparison()
        .withComparatorForType(Results::sameDouble, Double.class).isEqualTo(expected);
  }

  /** Same numbers, whatever the run id, timings or versions. */
  public static void assertSameNumbers(RunResult actual, RunResult expected) {
    assertThat(actual).usingRecursiveComparison()
        .ignoringFields("info.runId", "info.startedAt", "info.finishedAt", "info.versions")
        .withComparatorForType(Results::sameDouble, Double.class).isEqualTo(expected);
  }

  static int sameDouble(Double a, Double b) {
    return a.doubleValue() == 0 && b.doubleValue() == 0 ? 0 : Double.compare(a, b);
  }

  public static RunResult load(Workspace ws, long runId) {
    try (ConfigurableApplicationContext ctx = ws.context(false)) {
      return ctx.getBean(ResultRepository.class).load(runId);
    }
  }
}

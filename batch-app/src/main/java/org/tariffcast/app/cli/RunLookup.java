package org.tariffcast.app.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;

/** The one run look-up of the command line: a run id the database does not hold is a usage error. */
final class RunLookup {
  private RunLookup() {}

  /** The run's row; throws {@link UnknownRunException} (exit 2) if there is none. */
  static RunRecord require(ConfigurableApplicationContext ctx, long runId) {
    return ctx.getBean(RunRepository.class).find(runId)
        .orElseThrow(() -> new UnknownRunException(runId, database(ctx.getEnvironment().getProperty(
            "spring.datasource.url", "the database"))));
  }

  /**
   * The database a JDBC URL names, without its settings (which may hold a password):
   * {@code jdbc:h2:file:./data/tariffcast;AUTO_SERVER=TRUE} gives {@code jdbc:h2:file:./data/tariffcast}.
   */
  static String database(String url) {
    int cut = url.length();
    for (char c : new char[] {';', '?'}) {
      int i = url.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return url.substring(0, cut);
  }
}

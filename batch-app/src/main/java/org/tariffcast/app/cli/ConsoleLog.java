package org.tariffcast.app.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.job.RunListener;

/** The console's share of the log, where a command prints something itself. */
final class ConsoleLog {
  private ConsoleLog() {}

  /**
   * {@code run} and {@code resume} end with their own line ({@code run 12 completed in 3m07s: ...});
   * the log's line that ends the run ({@link RunListener#END_OF_RUN}) then goes to the log file
   * only, so the console says it once. Other processes (schedule, the console's Resume) keep it on
   * their console.
   */
  static void leaveEndOfRunToTheCommand() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    for (Iterator<Appender<ILoggingEvent>> it = ctx.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        it.hasNext();) {
      Appender<ILoggingEvent> a = it.next();
      if (a instanceof ch.qos.logback.core.ConsoleAppender<?>
          && a.getCopyOfAttachedFiltersList().stream().noneMatch(EndOfRun.class::isInstance)) {
        a.addFilter(new EndOfRun());
      }
    }
  }

  /** Denies the line that ends a run. */
  static final class EndOfRun extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
      return event.getMarkerList() != null && event.getMarkerList().contains(RunListener.END_OF_RUN)
          ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
  }
}

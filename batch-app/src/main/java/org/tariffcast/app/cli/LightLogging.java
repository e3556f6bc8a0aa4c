package org.tariffcast.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The logging of a process before Spring Boot's logging system starts, and of the light commands
 * ({@code validate}, {@code history}, {@code show}, {@code compare}) that never start it:
 * warnings and errors on standard error, in the console's pattern; no log file. Without it,
 * Logback's defaults would print every library's debug lines on standard output. Commands that
 * start the application get Spring Boot's logging instead ({@code application.yml}'s
 * {@code logging.*}), which replaces this.
 */
final class LightLogging {
  private LightLogging() {}

  /** Configures Logback; called once, first thing, by {@code main}. */
  static void configure() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ctx.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{HH:mm:ss z} %-5level %msg%n%nopex");
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(console);
  }
}

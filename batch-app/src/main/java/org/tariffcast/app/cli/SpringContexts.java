package org.tariffcast.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.H2Files;
import org.tariffcast.app.settings.SettingsCheck;
import org.tariffcast.app.settings.SettingsException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.tariffcast.app.TariffcastApplication;

/**
 * Starts Spring for a command. Commands that only read settings and files ({@code run} until its
 * configuration is known to be valid, {@code db}, {@code restore}) get the environment alone: no
 * data source, no database file, no log file. The others get the application, with Quartz only
 * for {@code schedule}. The light commands ({@code validate}, {@code history}, {@code show},
 * {@code compare}, {@code backup}) start no Spring context at all: {@link LightSettings} and
 * {@link ReadOnlyDatabase}.
 */
public final class SpringContexts {
  static final String QUARTZ_AUTOCONFIG = "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration";

  private SpringContexts() {}

  /** Loads {@code application.yml} and friends, nothing else; logs to the console only. */
  public static Environment environment(List<String> springArgs) {
    try (ConfigurableApplicationContext ctx = environmentContext(springArgs)) {
      return ctx.getEnvironment();
    }
  }

  static ConfigurableApplicationContext environmentContext(List<String> springArgs) {
    List<String> args = new ArrayList<>(springArgs);
    args.removeIf(a -> a.startsWith("--logging.file."));
    args.add("--logging.file.name=");
    args.add("--logging.file.path=");
    return new SpringApplicationBuilder(EnvironmentOnly.class).web(WebApplicationType.NONE)
        .listeners(new TimeZoneSetting()).bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false)
        .run(args.toArray(String[]::new));
  }

  /** The Spring context a command needs. */
  public enum Kind {
    /** Settings only ({@code application.yml} and friends): no beans, no database, no log file. */
    ENVIRONMENT,
    /** The application without Quartz: runs, reports, look-ups. */
    APPLICATION,
    /** The application with Quartz ({@code schedule}); closed by the JVM's shutdown hook. */
    SCHEDULER,
    /** The application as a remote worker ({@code worker}). */
    WORKER
  }

  /** Opens the context of a command. */
  public static ConfigurableApplicationContext open(Kind kind, List<String> springArgs) {
    return switch (kind) {
      case ENVIRONMENT -> environmentContext(springArgs);
      case APPLICATION -> application(springArgs, false);
      case SCHEDULER -> application(springArgs, true);
      case WORKER -> {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--tariffcast.mode=worker");
        yield application(args, false);
      }
    };
  }

  /**
   * The whole application; {@code schedule} true starts with Quartz. The settings are checked
   * first ({@link SettingsCheck}): if one is wrong, {@link SettingsException} is thrown before
   * any log file, database or folder is created.
   */
  public static ConfigurableApplicationContext application(List<String> springArgs, boolean schedule) {
    Environment env = environment(springArgs);
    SettingsCheck.verify(env);
    String url = env.getProperty("spring.datasource.url");
    H2Files.verify(url);
    List<String> args = new ArrayList<>(springArgs);
    if (schedule) {
      args.add("--tariffcast.mode=schedule");
    } else {
      args.add("--spring.autoconfigure.exclude=" + QUARTZ_AUTOCONFIG);
    }
    try {
      return new SpringApplicationBuilder(TariffcastApplication.class).web(WebApplicationType.NONE)
          .listeners(new TimeZoneSetting()).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
          .registerShutdownHook(schedule).run(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      if (H2Files.isCorruption(e)) {
        throw new H2Files.UnusableDatabaseException(H2Files.corruptionParagraph(url), e);
      }
      throw e;
    }
  }

  /** An empty configuration: the environment without beans. */
  @Configuration(proxyBeanMethods = false)
  static class EnvironmentOnly {}
}

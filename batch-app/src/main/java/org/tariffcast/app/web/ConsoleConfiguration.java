package org.tariffcast.app.web;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.ReportLauncher;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.persistence.RunRepository;

/**
 * The web console's parts ({@code tariffcast serve}, {@code schedule --serve}): present only in a
 * servlet application, so the other commands start without them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {
  @Bean
  TimeText consoleTime(TariffcastProperties properties) {
    return new TimeText(properties.zoneId());
  }

  @Bean
  ConsoleRepository consoleRepository(JdbcClient jdbc, RunRepository runs, TariffcastProperties properties) {
    return new ConsoleRepository(jdbc, runs, properties.staleAfter());
  }

  @Bean
  ReportFiles reportFiles(TariffcastProperties properties) {
    return new ReportFiles(properties.reports());
  }

  @Bean
  RunLog runLog(Environment env) {
    String file = env.getProperty("logging.file.name");
    return new RunLog(file == null || file.isBlank() ? null : Path.of(file).toAbsolutePath().normalize());
  }

  /**
   * Tomcat passes encoded slashes and backslashes ({@code %2F}, {@code %5C}) on instead of
   * answering 400 itself, so that Spring Security's firewall rejects them and the console
   * answers 404 like for any path that names no file.
   */
  @Bean
  org.springframework.boot.tomcat.TomcatConnectorCustomizer consoleEncodedSlashes() {
    return connector -> {
      connector.setEncodedSolidusHandling("passthrough");
      connector.setEncodedReverseSolidusHandling("passthrough");
    };
  }

  /** A path Tomcat refuses as above the root answers 404, not Tomcat's 400 ({@link InvalidUriNotFound}). */
  @Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
      org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory> consoleInvalidUriNotFound() {
    return factory -> factory.addEngineValves(new InvalidUriNotFound());
  }

  @Bean(destroyMethod = "close")
  ConsoleActions consoleActions(ProjectionLauncher launcher, ReportLauncher reports) {
    return new ConsoleActions(launcher, reports);
  }
}

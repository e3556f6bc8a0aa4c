package org.tariffcast.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.tariffcast.app.cli.Cli;

/**
 * The tariffcast command line and nightly batch service:
 * {@code java -jar tariffcast.jar run|validate|schedule|history|report|show|compare|resume}.
 */
@SpringBootApplication
@EnableConfigurationProperties(TariffcastProperties.class)
public class TariffcastApplication {
  public static void main(String[] args) {
    System.exit(Cli.main(args));
  }
}

package org.tariffcast.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The tariffcast command line and nightly batch service. */
@SpringBootApplication
public class TariffcastApplication {
  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(TariffcastApplication.class, args)));
  }
}

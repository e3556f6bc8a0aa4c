package org.tariffcast.app.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tariffcast.console.*} settings of the web console ({@code tariffcast serve}).
 *
 * @param user the one operator's user name; with {@code passwordHash}, required before the console
 *     listens on anything but the loopback address
 * @param passwordHash that user's password as a BCrypt hash ({@code $2a$10$...}, made by
 *     {@code tariffcast serve --hash-password}); plain passwords are refused
 * @param url the address planners reach the console at, for links in mail (e.g.
 *     {@code http://batch01:8080}); empty: links name the run and the file only
 * @param pageSize runs per page of the Runs page
 * @param logLines at most this many log lines on a run's page (the newest)
 */
@ConfigurationProperties("tariffcast.console")
public record ConsoleProperties(String user, String passwordHash, URI url, @DefaultValue("25") int pageSize,
    @DefaultValue("400") int logLines) {

  public ConsoleProperties {
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("tariffcast.console.page-size must be 1-500, found " + pageSize);
    }
    if (logLines < 0) {
      throw new IllegalArgumentException("tariffcast.console.log-lines must be 0 or more, found " + logLines);
    }
  }

  /** True when both a user and a password hash are configured. */
  public boolean hasLogin() {
    return user != null && !user.isBlank() && passwordHash != null && !passwordHash.isBlank();
  }
}

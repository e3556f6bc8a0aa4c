package org.tariffcast.app.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code tariffcast.mail.*} settings: who gets reports and alerts. The mail server itself is
 * Spring Boot's {@code spring.mail.*} (host, port, username, password); without
 * {@code spring.mail.host} nothing is mailed and nothing is recorded.
 *
 * @param reportsTo who gets the brief and the workbook of every completed run
 * @param alertsTo who gets an alert when a run fails, is killed or stopped, has an invalid
 *     configuration, stalls on remote workers, or when a schedule did not fire
 * @param from the sender address
 * @param maxAttachmentSize a file larger than this is not attached: the mail links to it on the console
 * @param retryAfter the first retry of a mail that could not be sent; each further retry waits twice
 *     as long, up to an hour
 * @param giveUpAfter a mail not sent this long after its run ended is given up (recorded as GAVE_UP)
 * @param missedFireGrace a schedule's fire with no record this long after its time is reported missed
 * @param watchInterval how often {@code schedule} and {@code serve} retry mail and look for killed
 *     runs and missed fires
 */
@ConfigurationProperties("tariffcast.mail")
public record MailSettings(List<String> reportsTo, List<String> alertsTo,
    @DefaultValue("tariffcast@localhost") String from, @DefaultValue("10MB") DataSize maxAttachmentSize,
    @DefaultValue("1m") Duration retryAfter, @DefaultValue("3d") Duration giveUpAfter,
    @DefaultValue("30m") Duration missedFireGrace, @DefaultValue("30s") Duration watchInterval) {

  public MailSettings {
    reportsTo = clean(reportsTo);
    alertsTo = clean(alertsTo);
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("tariffcast.mail.retry-after must be positive, found " + retryAfter);
    }
    if (watchInterval.isNegative() || watchInterval.isZero()) {
      throw new IllegalArgumentException("tariffcast.mail.watch-interval must be positive, found " + watchInterval);
    }
  }

  private static List<String> clean(List<String> list) {
    return list == null ? List.of() : list.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}

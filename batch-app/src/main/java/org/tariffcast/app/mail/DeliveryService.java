package org.tariffcast.app.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.tariffcast.app.job.Owner;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;

/**
 * Records and sends the mails of run events. A mail is first recorded in {@code delivery}, then
 * sent; a mail server that is down leaves it PENDING with the error, and the next attempt (the
 * next run's end, or every {@code watch-interval} in {@code schedule} and {@code serve}) sends it,
 * waiting twice as long after each failure. Nothing here throws into a run.
 */
public class DeliveryService {
  private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);
  static final Duration MAX_WAIT = Duration.ofHours(1);
  private final DeliveryRepository deliveries;
  private final MailComposer composer;
  private final JavaMailSender sender;
  private final MailSettings settings;
  private final RunRepository runs;
  private final JdbcClient jdbc;

  public DeliveryService(DeliveryRepository deliveries, MailComposer composer, JavaMailSender sender,
      MailSettings settings, RunRepository runs, JdbcClient jdbc) {
    this.deliveries = deliveries;
    this.composer = composer;
    this.sender = sender;
    this.settings = settings;
    this.runs = runs;
    this.jdbc = jdbc;
  }

  /** True when a mail server and at least one recipient are configured. */
  public boolean active() {
    return sender != null && (!settings.reportsTo().isEmpty() || !settings.alertsTo().isEmpty());
  }

  public MailComposer composer() {
    return composer;
  }

  /** Records the mail of a run's end: the report when it completed, an alert when it ended badly. */
  public void runEnded(long runId, long jobExecutionId) {
    if (!active()) {
      return;
    }
    RunRecord run = runs.find(runId).orElse(null);
    if (run == null) {
      return;
    }
    switch (run.status()) {
      case "COMPLETED" -> {
        if (!settings.reportsTo().isEmpty()) {
          record(composer.completed(run, title(run)));
        }
      }
      case "FAILED", "STOPPED", "INVALID", "ABANDONED" -> {
        if (!settings.alertsTo().isEmpty()) {
          record(composer.runAlert(run, title(run), run.status(), jobExecutionId));
        }
      }
      default -> log.debug("run {} ended {}: nothing to mail", runId, run.status());
    }
  }

  /** Records the alert for a run whose process is gone (a STARTED run with a stale heartbeat). */
  public void runKilled(RunRecord run) {
    if (active() && !settings.alertsTo().isEmpty()) {
      record(composer.runAlert(run, title(run), "KILLED", run.jobExecutionId() == null ? 0 : run.jobExecutionId()));
    }
  }

  /** Records a mail unless one with its key was recorded before; true if recorded now. */
  public boolean record(DeliveryRepository.Mail mail) {
    if (mail.recipients().isEmpty()) {
      return false;
    }
    boolean added = deliveries.enqueue(mail, Instant.now());
    if (added) {
      log.info("{}mail recorded: {} (to {})", mail.runId() == null ? "" : "run " + mail.runId() + ": ",
          mail.subject(), String.join(", ", mail.recipients()));
    }
    return added;
  }

  public boolean alreadyRecorded(String dedupKey) {
    return deliveries.exists(dedupKey);
  }

  /** Sends every mail that is due; returns how many went out. Failures are recorded, never thrown. */
  public int sendDue() {
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    List<DeliveryRepository.Delivery> due;
    try {
      due = deliveries.claimDue(Owner.current(), Instant.now(), STALE_CLAIM);
    } catch (RuntimeException e) {
      log.warn("mail: cannot read the deliveries due: {}", e.toString());
      return 0;
    }
    for (DeliveryRepository.Delivery d : due) {
      try {
        send(d);
        deliveries.sent(d.id(), Instant.now());
        sent++;
        log.info("{}mail sent: {} (to {})", d.runId() == null ? "" : "run " + d.runId() + ": ", d.subject(),
            String.join(", ", d.recipients()));
      } catch (Exception e) {
        Instant now = Instant.now();
        Instant next = nextAttempt(d, now);
        String why = describe(e);
        try {
          deliveries.failed(d.id(), why, next);
        } catch (RuntimeException db) {
          log.warn("mail: cannot record the failed delivery {}: {}", d.id(), db.toString());
        }
        if (next == null) {
          log.error("{}mail given up after {} attempts since {}: {} ({})", d.runId() == null ? ""
              : "run " + d.runId() + ": ", d.attempts() + 1, d.createdAt(), d.subject(), why);
        } else {
          log.warn("{}mail not sent, retried at {}: {} ({})", d.runId() == null ? "" : "run " + d.runId() + ": ",
              next, d.subject(), why);
        }
      }
    }
    return sent;
  }

  /** retry-after, then twice as long after each failure, at most an hour; null once give-up-after has passed. */
  Instant nextAttempt(DeliveryRepository.Delivery d, Instant now) {
    if (d.createdAt() != null && Duration.between(d.createdAt(), now).compareTo(settings.giveUpAfter()) >= 0) {
      return null;
    }
    Duration wait = settings.retryAfter();
    for (int i = 0; i < d.attempts() && wait.compareTo(MAX_WAIT) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
  }

  void send(DeliveryRepository.Delivery d) throws Exception {
    MimeMessage message = sender.createMimeMessage();
    List<Path> files = d.attachments().stream().map(Path::of).filter(Files::isRegularFile).toList();
    MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(d.recipients().toArray(String[]::new));
    helper.setSubject(d.subject());
    String body = d.body();
    if (files.size() < d.attachments().size()) {
      body += "\n(Some files were gone by the time this mail was sent: "
          + String.join(", ", d.attachments().stream().filter(a -> !Files.isRegularFile(Path.of(a))).toList()) + ")\n";
    }
    helper.setText(body, false);
    for (Path f : files) {
      helper.addAttachment(f.getFileName().toString(), new FileSystemResource(f));
    }
    message.setHeader("X-Tariffcast-Delivery", d.dedupKey());
    sender.send(message);
  }

  String title(RunRecord run) {
    String t = jdbc.sql("SELECT title FROM projection_run WHERE run_id = ?").param(run.runId()).query(String.class)
        .optional().orElse(null);
    return t != null ? t : (run.study() != null ? run.study() : "study " + run.studyDir());
  }

  static String describe(Throwable e) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !s.toString().contains(t.getMessage())) {
        if (!s.isEmpty()) {
          s.append(": ");
        }
        s.append(t.getMessage());
      }
    }
    return s.isEmpty() ? e.getClass().getSimpleName() : s.toString();
  }
}

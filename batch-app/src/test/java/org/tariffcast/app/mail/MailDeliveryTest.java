package org.tariffcast.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.support.SlowPartitions;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * Mail through an in-process SMTP server (GreenMail) that receives and parses each message: a
 * completed run sends one mail with the workbook attached; a failed run one alert; a mail server
 * that is down leaves the run COMPLETED and the delivery recorded, retried and sent once it is up;
 * restarted processes do not send a mail twice.
 */
class MailDeliveryTest {
  @TempDir
  Path tmp;
  GreenMail smtp;

  @AfterEach
  void stop() {
    SlowPartitions.reset();
    if (smtp != null) {
      smtp.stop();
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  GreenMail smtp(int port) {
    GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  Workspace workspace(int port) throws Exception {
    return Workspace.h2(tmp.resolve("ws")).with("spring.mail.host", "127.0.0.1")
        .with("spring.mail.port", "" + port).with("tariffcast.mail.reports-to", "leadership@example.org")
        .with("tariffcast.mail.alerts-to", "ops@example.org").with("tariffcast.mail.retry-after", "1s")
        .with("tariffcast.console.url", "http://batch01.example.org:8080");
  }

  /** name -> bytes of every attachment of a message. */
  static Map<String, byte[]> attachments(MimeMessage m) throws Exception {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    if (m.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart p = mp.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
          ByteArrayOutputStream b = new ByteArrayOutputStream();
          p.getInputStream().transferTo(b);
          out.put(p.getFileName(), b.toByteArray());
        }
      }
    }
    return out;
  }

  static String text(MimeMessage m) throws Exception {
    if (m.getContent() instanceof Multipart mp) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart p = mp.getBodyPart(i);
        if (p.getContent() instanceof String s && p.getDisposition() == null) {
          parts.add(s);
        } else if (p.getContent() instanceof Multipart inner) {
          for (int j = 0; j < inner.getCount(); j++) {
            if (inner.getBodyPart(j).getContent() instanceof String s) {
              parts.add(s);
            }
          }
        }
      }
      return String.join("\n", parts);
    }
    return (String) m.getContent();
  }

  @Test
  void aCompletedRunSendsOneMailWithTheWorkbookAndTheBriefAttached() throws Exception {
    int port = freePort();
    smtp = smtp(port);
    Workspace ws = workspace(port);
    assertThat(ws.cli("run", "--trials", "200").code()).isZero();

    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("leadership@example.org");
    assertThat(m.getSubject()).startsWith("tariffcast: run 1 completed").contains("200 trials");
    String folder = ws.jdbc().queryForObject("SELECT report_path FROM projection_run WHERE run_id = 1", String.class);
    Path workbook = ws.reports.resolve(folder).resolve("tariffcast-run-1.xlsx");
    Map<String, byte[]> files = attachments(m);
    assertThat(files).containsKey("tariffcast-run-1.xlsx");
    assertThat(files.get("tariffcast-run-1.xlsx")).isEqualTo(Files.readAllBytes(workbook));
    Path brief = ws.reports.resolve(folder).resolve("tariffcast-brief-run-1.pdf");
    if (Files.exists(brief)) {
      assertThat(files.get("tariffcast-brief-run-1.pdf")).isEqualTo(Files.readAllBytes(brief));
    }
    assertThat(text(m)).contains("Run 1 of", "completed", "http://batch01.example.org:8080/runs/1");
    assertThat(ws.cli("history").out().lines().skip(1).findFirst().orElseThrow()).contains("COMPLETED", " sent ");
    assertThat(ws.jdbc().queryForList("SELECT status, kind, attempts FROM delivery")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("STATUS", "SENT").containsEntry("KIND", "REPORT")
            .containsEntry("ATTEMPTS", 1));
  }

  @Test
  void aWorkbookOverTheSizeLimitIsLinkedNotAttached() throws Exception {
    int port = freePort();
    smtp = smtp(port);
    Workspace ws = workspace(port).with("tariffcast.mail.max-attachment-size", "1KB");
    assertThat(ws.cli("run", "--trials", "200").code()).isZero();
    MimeMessage m = smtp.getReceivedMessages()[0];
    assertThat(attachments(m)).isEmpty();
    assertThat(text(m)).contains("http://batch01.example.org:8080/runs/1/files/tariffcast-run-1.xlsx",
        "over the 0 MB limit");
  }

  @Test
  void aFailedRunSendsOneAlertToTheOperators() throws Exception {
    int port = freePort();
    smtp = smtp(port);
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), 4);
    Workspace ws = workspace(port).with("spring.main.sources", SlowPartitions.class.getName());
    SlowPartitions.FAIL_FROM.set(1);
    assertThat(ws.cli("run", "--config", study.toString(), "--trials", "200", "--threads", "1").code()).isEqualTo(1);
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.org");
    assertThat(got[0].getSubject()).isEqualTo("tariffcast ALERT: run 1 FAILED - GSIM 4x4 example - US-EU free trade "
        + "agreement");
    assertThat(text(got[0])).contains("fails on purpose", "tariffcast resume --run 1");
    assertThat(ws.jdbc().queryForObject("SELECT status FROM delivery WHERE kind = 'ALERT'", String.class))
        .isEqualTo("SENT");
  }

  @Test
  void aMailServerThatIsDownDelaysTheMailButNeverTheRunAndRestartsSendItOnce() throws Exception {
    int port = freePort();
    Workspace ws = workspace(port);
    Workspace.Result r = ws.cli("run", "--trials", "200");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(ws.jdbc().queryForObject("SELECT status FROM projection_run WHERE run_id = 1", String.class))
        .isEqualTo("COMPLETED");
    Map<String, Object> pending = ws.jdbc().queryForMap("SELECT status, attempts, last_error FROM delivery");
    assertThat(pending).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
    assertThat((String) pending.get("LAST_ERROR")).containsIgnoringCase("connect");
    assertThat(ws.cli("history").out()).contains(" pending ");

    smtp = smtp(port);
    Thread.sleep(2100);
    // two processes start after the outage (say a scheduler and a console) and both notice the run's end
    try (ConfigurableApplicationContext a = ws.context(false); ConfigurableApplicationContext b = ws.context(false)) {
      DeliveryService first = a.getBean(DeliveryService.class);
      DeliveryService second = b.getBean(DeliveryService.class);
      long execution = ws.jdbc().queryForObject("SELECT job_execution_id FROM projection_run WHERE run_id = 1",
          Long.class);
      first.runEnded(1, execution);
      second.runEnded(1, execution);
      int sent = first.sendDue() + second.sendDue();
      assertThat(sent).isEqualTo(1);
      assertThat(first.sendDue() + second.sendDue()).isZero();
    }
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(ws.jdbc().queryForMap("SELECT status, attempts FROM delivery")).containsEntry("STATUS", "SENT")
        .containsEntry("ATTEMPTS", 2);
    // a later run of the same configuration is refused/resumed, not re-mailed; the first run's report mail stays one
    assertThat(ws.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE run_id = 1", Integer.class)).isEqualTo(1);
  }
}

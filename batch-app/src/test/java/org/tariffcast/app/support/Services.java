package org.tariffcast.app.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Local services a test may need. Absent, the test is skipped with the reason printed, unless
 * {@code TARIFFCAST_REQUIRE_SERVICES=true} (CI), where it fails instead.
 */
public final class Services {
  private Services() {}

  /** The local RabbitMQ ({@code 127.0.0.1:5672}; {@code tariffcast.test.rabbit.host/port} point elsewhere, see {@link #setting}). */
  public static final String RABBIT_HOST = setting("tariffcast.test.rabbit.host", "127.0.0.1");
  public static final int RABBIT_PORT = Integer.parseInt(setting("tariffcast.test.rabbit.port", "5672"));

  /** A system property, else the environment variable of the same name (TARIFFCAST_TEST_RABBIT_PORT), else a default. */
  public static String setting(String name, String otherwise) {
    String v = System.getProperty(name);
    if (v == null) {
      v = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }
    return v == null || v.isBlank() ? otherwise : v;
  }

  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("TARIFFCAST_REQUIRE_SERVICES"));
  }

  /** Skips (or, in CI, fails) the calling test unless host:port accepts connections. */
  public static void require(String service, String host, int port) {
    String reason = null;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
    } catch (Exception e) {
      reason = service + " is not reachable at " + host + ":" + port + " (" + e.getMessage() + ")";
    }
    if (reason != null) {
      if (required()) {
        Assertions.fail(reason + "; TARIFFCAST_REQUIRE_SERVICES=true requires it");
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
  }
}

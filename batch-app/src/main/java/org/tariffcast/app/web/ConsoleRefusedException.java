package org.tariffcast.app.web;

/** The console's settings forbid it to start (e.g. listening beyond loopback without a login): exit status 2. */
public class ConsoleRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConsoleRefusedException(String message) {
    super(message);
  }
}

package org.tariffcast.app.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * A request whose path Tomcat refused before the console saw it ({@code /../../..}, a path that
 * climbs above the root and cannot be normalised: Tomcat's 400) answers 404, like any other path
 * that names no page or file: it names nothing, and the answer says no more than that. The page
 * is Tomcat's error report, which shows neither the server's name and version nor a stack trace
 * ({@code server.error.*}).
 */
final class InvalidUriNotFound extends ValveBase {
  InvalidUriNotFound() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if (response.isError() && response.getStatus() == 400 && !response.isCommitted()) {
      response.sendError(404);
    }
    getNext().invoke(request, response);
  }
}

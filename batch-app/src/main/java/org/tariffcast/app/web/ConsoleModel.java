package org.tariffcast.app.web;

import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page knows: who is logged in (null when the console has no login). */
@ControllerAdvice
@ConditionalOnWebApplication
public class ConsoleModel {
  @ModelAttribute("user")
  String user(Principal principal) {
    return principal == null ? null : principal.getName();
  }
}

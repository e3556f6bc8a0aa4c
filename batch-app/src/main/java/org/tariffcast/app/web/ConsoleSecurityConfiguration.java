package org.tariffcast.app.web;

import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may use the console. Bound to the loopback address (the default) it is open to anyone on
 * this machine; to listen anywhere else it needs {@code tariffcast.console.user} and a BCrypt
 * {@code tariffcast.console.password-hash}, and refuses to start without them. With a user
 * configured every page but {@code /actuator/health} asks for a login (a form for people, HTTP
 * Basic for a Prometheus scraper). Every form carries a CSRF token; a URL the firewall rejects
 * (encoded slashes, {@code ..}) is answered 404, like any other path that names no run or file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleSecurityConfiguration {
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

  @Bean
  SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleProperties settings, Environment env)
      throws Exception {
    check(settings, env.getProperty("server.address", "127.0.0.1"));
    if (settings.hasLogin()) {
      http.authorizeHttpRequests(a -> a
          .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
          .requestMatchers("/actuator/health", "/actuator/health/**", "/console/**", "/favicon.ico").permitAll()
          .anyRequest().authenticated())
          .formLogin(Customizer.withDefaults())
          .httpBasic(Customizer.withDefaults())
          .logout(Customizer.withDefaults());
    } else {
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
    }
    http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'")));
    return http.build();
  }

  /** Refuses to listen beyond loopback without a login, and refuses a password that is not a BCrypt hash. */
  static void check(ConsoleProperties settings, String address) {
    boolean userSet = settings.user() != null && !settings.user().isBlank();
    boolean hashSet = settings.passwordHash() != null && !settings.passwordHash().isBlank();
    if (userSet != hashSet) {
      throw new ConsoleRefusedException("tariffcast.console.user and tariffcast.console.password-hash go together: "
          + "set both or neither");
    }
    if (hashSet && !BCRYPT.matcher(stripId(settings.passwordHash())).matches()) {
      throw new ConsoleRefusedException("tariffcast.console.password-hash: expected a BCrypt hash ($2a$10$ and 53 "
          + "characters; 'tariffcast serve --hash-password' makes one), found something else");
    }
    if (!loopback(address) && !settings.hasLogin()) {
      throw new ConsoleRefusedException("refusing to listen on " + address + " without a login: set "
          + "tariffcast.console.user and tariffcast.console.password-hash (see batch-app/OPERATIONS.md, "
          + "\"The web console\"), or listen on 127.0.0.1");
    }
  }

  static boolean loopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static String stripId(String hash) {
    return hash.startsWith("{bcrypt}") ? hash.substring("{bcrypt}".length()) : hash;
  }

  @Bean
  PasswordEncoder consolePasswordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserDetailsService consoleUsers(ConsoleProperties settings) {
    if (!settings.hasLogin()) {
      return new InMemoryUserDetailsManager();
    }
    return new InMemoryUserDetailsManager(User.withUsername(settings.user())
        .password(stripId(settings.passwordHash())).roles("OPERATOR").build());
  }

  @Bean
  RequestRejectedHandler consoleRejectedRequests() {
    return new HttpStatusRequestRejectedHandler(404);
  }
}

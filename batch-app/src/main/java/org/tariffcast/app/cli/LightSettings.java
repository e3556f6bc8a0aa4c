package org.tariffcast.app.cli;

import java.util.List;
import java.util.TimeZone;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.tariffcast.app.TariffcastProperties;

/**
 * The settings as the application reads them ({@code --name=value} arguments, system properties,
 * environment variables, {@code application.yml} in the jar and {@code config/application.yml}
 * with their profiles: Spring Boot's own config-data loader, relaxed names included), without an
 * application context, a logging system or any bean: what the light commands ({@code validate},
 * {@code history}, {@code show}, {@code compare}) start with.
 */
final class LightSettings {
  private final ConfigurableEnvironment env;

  private LightSettings(ConfigurableEnvironment env) {
    this.env = env;
  }

  /** Reads the settings; sets the process's time zone to {@code tariffcast.time-zone} as the application does. */
  static LightSettings load(List<String> springArgs) {
    StandardEnvironment env = new StandardEnvironment();
    if (!springArgs.isEmpty()) {
      env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
    }
    ConfigDataEnvironmentPostProcessor.applyTo(env);
    ConfigurationPropertySources.attach(env);
    LightSettings s = new LightSettings(env);
    String zone = s.get("tariffcast.time-zone", s.get("tariffcast.zone", ""));
    if (!zone.isBlank()) {
      TimeZone.setDefault(TimeZone.getTimeZone(java.time.ZoneId.of(zone.strip())));
    }
    return s;
  }

  ConfigurableEnvironment environment() {
    return env;
  }

  /** A setting by its (relaxed) name, or {@code otherwise}. */
  String get(String name, String otherwise) {
    String v = env.getProperty(name);
    return v == null ? otherwise : v;
  }

  /** The {@code tariffcast.*} settings, bound as the application binds them. */
  TariffcastProperties tariffcast() {
    return Binder.get(env).bindOrCreate("tariffcast", TariffcastProperties.class);
  }
}

package org.tariffcast.app.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;
import org.springframework.batch.core.job.Job;

/** The software that produced a run, as recorded with it. */
public final class Versions {
  private Versions() {}

  public static Map<String, String> current() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("tariffcast", orDev(Versions.class.getPackage().getImplementationVersion()));
    v.put("java", System.getProperty("java.version"));
    v.put("spring-boot", orDev(SpringBootVersion.getVersion()));
    v.put("spring-batch", orDev(Job.class.getPackage().getImplementationVersion()));
    return v;
  }

  private static String orDev(String s) {
    return s == null || s.isBlank() ? "dev" : s;
  }
}

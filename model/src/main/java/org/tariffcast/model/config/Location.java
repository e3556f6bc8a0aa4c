package org.tariffcast.model.config;

/** Where a value stands: file, 1-based line and column, and the field's name. */
record Location(String file, int line, int column, String field) {
  static Location of(YamlValue v) {
    return new Location(v.file, v.line, v.column, v.path);
  }

  Location field(String newField) {
    return new Location(file, line, column, newField);
  }
}

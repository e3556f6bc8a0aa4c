package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML file with its location and its path from the root (e.g.
 * {@code scenarios[No deal].regimes[2].effective}). A missing value keeps the location of the
 * mapping that should have held it. Lines and columns are 1-based.
 */
final class YamlValue {
  final String file;
  final String path;
  final Node node;
  final int line;
  final int column;

  private YamlValue(String file, String path, Node node, int line, int column) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.line = line;
    this.column = column;
  }

  static YamlValue root(String file, Node node) {
    if (node == null) {
      return new YamlValue(file, "(document)", null, 1, 1);
    }
    return of(file, "(document)", node);
  }

  private static YamlValue of(String file, String path, Node node) {
    return new YamlValue(file, path, node, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  boolean isMissing() {
    return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  boolean isList() {
    return node instanceof SequenceNode;
  }

  boolean isScalar() {
    return node instanceof ScalarNode && !isMissing();
  }

  /** The text of a scalar, or null. */
  String text() {
    return isScalar() ? ((ScalarNode) node).getValue() : null;
  }

  /** What a problem message says was found here. */
  String found() {
    if (isMissing()) {
      return "nothing";
    }
    if (isMap()) {
      return "a mapping";
    }
    if (isList()) {
      return ((SequenceNode) node).getValue().isEmpty() ? "an empty list" : "a list";
    }
    return Problems.quote(text());
  }

  /** The child path for a key. */
  String pathOf(String key) {
    return path.equals("(document)") ? key : path + "." + key;
  }

  /** The entries of a mapping, by key text, with each key's location; empty if not a mapping. */
  Map<String, YamlValue> entries() {
    Map<String, YamlValue> out = new LinkedHashMap<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
        out.putIfAbsent(key, of(file, pathOf(key), t.getValueNode()));
      }
    }
    return out;
  }

  /** Key nodes of a mapping, for unknown- and duplicate-key checks. */
  List<YamlValue> keyNodes() {
    List<YamlValue> out = new ArrayList<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
        out.add(of(file, pathOf(key), t.getKeyNode()));
      }
    }
    return out;
  }

  YamlValue get(String key) {
    YamlValue v = entries().get(key);
    return v != null ? v : new YamlValue(file, pathOf(key), null, line, column);
  }

  /** The items of a sequence (each path {@code path[i]}, 1-based); empty if not a sequence. */
  List<YamlValue> items() {
    List<YamlValue> out = new ArrayList<>();
    if (node instanceof SequenceNode s) {
      int i = 1;
      for (Node n : s.getValue()) {
        out.add(of(file, path + "[" + i++ + "]", n));
      }
    }
    return out;
  }

  /** The same node under another path (e.g. once the item's name is known). */
  YamlValue renamed(String newPath) {
    return new YamlValue(file, newPath, node, line, column);
  }
}

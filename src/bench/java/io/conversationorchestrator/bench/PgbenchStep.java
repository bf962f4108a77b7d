package io.conversationorchestrator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A line of the rendered script: \set name random(a, b), or SQL ending in ";" or "\gset". */
record PgbenchStep(String set, long low, long high, String sql, List<String> params, boolean gset) {
  static final Pattern SET = Pattern.compile("\\\\set (\\w+) random\\((\\d+), *(\\d+)\\)");
  static final Pattern VARIABLE = Pattern.compile("(?<!:):(\\w+)");

  static List<PgbenchStep> parse(String script) {
    List<PgbenchStep> steps = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      Matcher set = SET.matcher(line.trim());
      if (set.matches()) {
        steps.add(
            new PgbenchStep(
                set.group(1),
                Long.parseLong(set.group(2)),
                Long.parseLong(set.group(3)),
                null,
                null,
                false));
        continue;
      }
      sql.append(line).append('\n');
      String t = line.trim();
      if (t.endsWith(";") || t.endsWith("\\gset")) {
        boolean gset = t.endsWith("\\gset");
        String text = sql.toString().trim();
        text = gset ? text.substring(0, text.length() - 5) : text.substring(0, text.length() - 1);
        List<String> params = new ArrayList<>();
        Matcher v = VARIABLE.matcher(text);
        StringBuilder jdbc = new StringBuilder();
        while (v.find()) {
          params.add(v.group(1));
          v.appendReplacement(jdbc, "?");
        }
        v.appendTail(jdbc);
        steps.add(new PgbenchStep(null, 0, 0, jdbc.toString(), params, gset));
        sql.setLength(0);
      }
    }
    return steps;
  }

  /** One transaction; BEGIN and END are the connection's own (autocommit off). */
  static void run(
      List<PgbenchStep> steps, Connection conn, Map<PgbenchStep, PreparedStatement> prepared)
      throws SQLException {
    Map<String, String> vars = new HashMap<>();
    for (PgbenchStep step : steps) {
      if (step.set != null) {
        vars.put(
            step.set,
            String.valueOf(ThreadLocalRandom.current().nextLong(step.low, step.high + 1)));
      } else if (step.sql.equalsIgnoreCase("BEGIN")) {
        continue;
      } else if (step.sql.equalsIgnoreCase("END")) {
        conn.commit();
      } else {
        PreparedStatement s = prepared.get(step);
        if (s == null) {
          s = conn.prepareStatement(step.sql);
          prepared.put(step, s);
        }
        for (int i = 0; i < step.params.size(); i++) {
          s.setString(i + 1, vars.get(step.params.get(i)));
        }
        if (s.execute() && step.gset) {
          try (ResultSet r = s.getResultSet()) {
            r.next();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
              vars.put(r.getMetaData().getColumnLabel(i), r.getString(i));
            }
          }
        }
      }
    }
  }
}

package io.conversationorchestrator.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/** One JSON object per line: timestamp, level, logger, thread, message, and the stack trace. */
final class JsonLogFormatter extends ExtFormatter {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String format(ExtLogRecord record) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", record.getInstant().toString());
    line.put("level", record.getLevel().getName());
    line.put("loggerName", record.getLoggerName());
    line.put("threadName", record.getThreadName());
    line.put("message", formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.put("exception", trace.toString());
    }
    try {
      return JSON.writeValueAsString(line) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"message\":\"unformattable log record\"}"
          + System.lineSeparator();
    }
  }
}

package io.conversationorchestrator.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date-times in request bodies: ISO-8601 strings with an offset, from 1970 to 9999. Wider values
 * (Jackson would take {@code +294277-…} or epoch numbers) cannot be stored by PostgreSQL as sent.
 */
public final class DateTimes extends StdScalarDeserializer<OffsetDateTime> {
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** How a rejected date-time is explained to the client. */
  public static final String EXPECTED =
      "an ISO-8601 date-time with an offset, from " + EARLIEST + " to " + LATEST;

  DateTimes() {
    super(OffsetDateTime.class);
  }

  @Override
  public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
    }
    String text = parser.getText();
    OffsetDateTime value = parse(text);
    if (value == null
        || value.toInstant().isBefore(EARLIEST)
        || value.toInstant().isAfter(LATEST)) {
      throw context.weirdStringException(text, OffsetDateTime.class, "expected " + EXPECTED);
    }
    return value;
  }

  private static OffsetDateTime parse(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

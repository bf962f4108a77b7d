package io.conversationorchestrator.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Values as the reactive SQL client binds them, and result sets as the repositories answer them.
 * Instants go as UTC {@link OffsetDateTime} (the client binds no {@link Instant}); documents go as
 * JSON text, cast to jsonb in the statement ({@code cast($1::text as jsonb)}), written with the
 * application's {@link ObjectMapper} as Hibernate wrote them.
 */
public final class SqlValues {
  private SqlValues() {}

  /** A timestamptz parameter; null stays null. */
  public static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** A document as JSON text. */
  public static String json(ObjectMapper mapper, Object document) {
    try {
      return mapper.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unwritable document: " + e.getOriginalMessage(), e);
    }
  }

  /** A timestamptz column as an instant; null stays null. */
  public static Instant instant(Row row, String column) {
    OffsetDateTime at = row.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }

  /** A JSON column's text (never null in this schema) as the reader's type. */
  public static <T> T read(ObjectReader reader, String text) {
    try {
      return reader.readValue(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable JSON column: " + e.getOriginalMessage(), e);
    }
  }

  /** The first row mapped, or null when there is none. */
  public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
  }

  /** Every row mapped, in order. */
  public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> mapped = new ArrayList<>(rows.size());
    for (Row row : rows) {
      mapped.add(mapper.apply(row));
    }
    return mapped;
  }
}

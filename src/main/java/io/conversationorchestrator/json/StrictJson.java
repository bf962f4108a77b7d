package io.conversationorchestrator.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.arc.All;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The application's one {@link ObjectMapper}, replacing Quarkus' default: Quarkus' customizers
 * (configuration, modules) still apply, then the strict rules, so no property can loosen them.
 * Every body is strict about its fields: a property no record declares is refused ("Unknown field
 * 'configuration.channelSetings'"). Fields typed {@code Map} or {@code JsonNode} take any key,
 * which is how the contract's free-form objects (metadata, an action's channelSettings) stay open.
 * Code reading documents the service wrote itself (its own events) reads them as trees or through
 * {@link #lenient}, so a field added to a response never breaks a reader.
 */
@Singleton
public class StrictJson {
  // Per strict mapper, its copy on a plain parser (mappers compare by identity).
  private static final Map<ObjectMapper, ObjectMapper> TRUSTED =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Produces
  @Singleton
  ObjectMapper objectMapper(@All List<ObjectMapperCustomizer> customizers) {
    ObjectMapper mapper = new ObjectMapper(new StrictJsonFactory());
    List<ObjectMapperCustomizer> ordered = new ArrayList<>(customizers);
    Collections.sort(ordered); // by descending priority, as Quarkus' own producer does
    ordered.forEach(customizer -> customizer.customize(mapper));
    return configure(mapper);
  }

  /** A strict mapper without Quarkus' customizers, for documents the service reads itself. */
  public static ObjectMapper standalone() {
    return configure(new ObjectMapper(new StrictJsonFactory()));
  }

  /**
   * A reader of documents the service wrote itself: unknown fields are skipped, not refused, and
   * the text is parsed by Jackson's own parser, without the input checks of {@link StrictParser}
   * (the service wrote valid text; the checks cost the lifecycle sweep an eighth of its CPU).
   */
  public static ObjectReader lenient(ObjectMapper mapper, Class<?> type) {
    return TRUSTED
        .computeIfAbsent(mapper, m -> m.copyWith(new JsonFactory()))
        .readerFor(type)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Applies the strict reading rules; public for tests and tools that build their own mapper. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
    refuse(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer);
    mapper.addHandler(new ReadUnknownValues());
    mapper.registerModule(
        new SimpleModule("strict-date-times")
            .addDeserializer(OffsetDateTime.class, new DateTimes()));
    return mapper;
  }

  /**
   * Reads an unknown field's value through before the field is refused, so the parser's own checks
   * (a repeated key, invalid text) inside it answer first, as they would anywhere else.
   */
  private static final class ReadUnknownValues extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      parser.skipChildren();
      return false;
    }
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }
}

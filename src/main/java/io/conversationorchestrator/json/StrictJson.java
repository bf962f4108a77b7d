package io.conversationorchestrator.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.arc.All;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The application's one {@link ObjectMapper}, replacing Quarkus' default: Quarkus' customizers
 * (configuration, modules) still apply, then the strict rules, so no property can loosen them.
 */
@Singleton
public class StrictJson {
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

  /** Applies the strict reading rules; public for tests and tools that build their own mapper. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.enable(
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
    mapper.registerModule(
        new SimpleModule("strict-date-times")
            .addDeserializer(OffsetDateTime.class, new DateTimes()));
    return mapper;
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }
}

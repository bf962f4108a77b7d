package io.conversationorchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every operation of the served OpenAPI document, so a rule can be checked on all endpoints. */
public final class ApiOperations {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** One operation, e.g. {@code PATCH /v2/Conversations/{id}}. */
  public record Operation(String method, String path, boolean hasBody) {
    public boolean operator() {
      return path.startsWith("/operator");
    }

    /** The path with each parameter replaced by {@code values.apply(name)}. */
    public String path(Function<String, String> values) {
      Matcher matcher = PARAMETER.matcher(path);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(out, Matcher.quoteReplacement(values.apply(matcher.group(1))));
      }
      return matcher.appendTail(out).toString();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private ApiOperations() {}

  /**
   * @param base the service's URL: argument sources run before RestAssured knows the port
   */
  public static List<Operation> all(URL base) {
    JsonNode document = document(base);
    List<Operation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              op ->
                  operations.add(
                      new Operation(
                          op.getKey().toUpperCase(),
                          path.getKey(),
                          op.getValue().has("requestBody"))));
    }
    return operations;
  }

  public static List<Operation> withBody(URL base) {
    return all(base).stream().filter(Operation::hasBody).toList();
  }

  private static JsonNode document(URL base) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(base.toURI().resolve("/q/openapi?format=json")).build();
      String body = HttpClient.newHttpClient().send(request, BodyHandlers.ofString()).body();
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

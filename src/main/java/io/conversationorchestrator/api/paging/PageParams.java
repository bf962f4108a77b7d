package io.conversationorchestrator.api.paging;

import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Paging query parameters. Taken as text so that a bad number is a 400 naming the parameter, not
 * JAX-RS's 404. twilio-java sends {@code PageSize}, the contract says {@code pageSize}.
 */
public class PageParams {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 1000;

  @RestQuery
  @Parameter(
      description = "Items per page, 1 to 1000 (default 50)",
      schema = @Schema(ref = ApiDocs.PAGE_SIZE))
  public String pageSize;

  @RestQuery("PageSize")
  @Parameter(
      description = "Alias of pageSize, as twilio-java sends it",
      schema = @Schema(ref = ApiDocs.PAGE_SIZE))
  public String legacyPageSize;

  @RestQuery
  @Parameter(
      description =
          "meta.nextToken or meta.previousToken of the previous answer; it carries the filters")
  public String pageToken;

  /** Size, direction and boundary of the requested page, with the filters that apply to it. */
  public PageQuery query(Map<String, List<String>> requestFilters) {
    int size = size();
    if (pageToken == null || pageToken.isEmpty()) {
      return new PageQuery(size, false, null, requestFilters);
    }
    PageToken token = PageToken.decode(pageToken);
    boolean filtersGiven = requestFilters.values().stream().anyMatch(v -> !v.isEmpty());
    if (filtersGiven && !requestFilters.equals(token.filters())) {
      throw ApiException.invalid(
          "Invalid value for 'pageToken': it was issued for other filters than this request's");
    }
    return new PageQuery(size, token.backward(), token.boundary(), token.filters());
  }

  private int size() {
    String raw = pageSize != null ? pageSize : legacyPageSize;
    if (raw == null || raw.isEmpty()) {
      return DEFAULT_SIZE;
    }
    try {
      int size = Integer.parseInt(raw);
      if (size >= 1 && size <= MAX_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(
        "Invalid value for 'pageSize': expected an integer from 1 to " + MAX_SIZE);
  }
}

package io.conversationorchestrator.api.paging;

import io.conversationorchestrator.api.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A keyset page request. Repositories fetch {@link #fetchSize()} rows past {@link #boundary()} in
 * the list's order ({@link #backward()} reverses it); {@link #page} turns them into a page.
 */
public record PageQuery(
    int size, boolean backward, String boundary, Map<String, List<String>> filters) {

  /** One row more than the page holds tells whether another page follows. */
  public int fetchSize() {
    return size + 1;
  }

  /** The boundary as an id; a token that does not hold one was not issued by us: 400. */
  public UUID boundaryId() {
    try {
      return UUID.fromString(boundary);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Invalid value for 'pageToken': not a token this service issued");
    }
  }

  /** The single value of a filter, or null. */
  public String filter(String name) {
    List<String> values = filters.getOrDefault(name, List.of());
    return values.isEmpty() ? null : values.get(0);
  }

  public List<String> filterValues(String name) {
    return filters.getOrDefault(name, List.of());
  }

  /**
   * Builds the page from rows fetched in request direction.
   *
   * @param boundaryOf the keyset value of an item, as the repository parses it back
   */
  public <T> Page<T> page(String key, List<T> fetched, Function<T, String> boundaryOf) {
    boolean more = fetched.size() > size;
    List<T> items = new ArrayList<>(more ? fetched.subList(0, size) : fetched);
    if (backward) {
      Collections.reverse(items);
    }
    boolean hasNext = backward ? boundary != null : more;
    boolean hasPrevious = backward ? more : boundary != null;
    String next = null;
    String previous = null;
    if (!items.isEmpty()) {
      T last = items.get(items.size() - 1);
      T first = items.get(0);
      next = hasNext ? new PageToken(false, boundaryOf.apply(last), filters).encode() : null;
      previous =
          hasPrevious ? new PageToken(true, boundaryOf.apply(first), filters).encode() : null;
    }
    return new Page<>(items, new PageMeta(key, items.size(), next, previous));
  }
}

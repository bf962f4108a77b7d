package io.conversationorchestrator.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A successful answer before it becomes HTTP: what mutations return, so an idempotent replay can
 * store it and answer the same status, headers and body again.
 */
public record ApiReply(int status, Object body, Map<String, String> headers) {

  public static ApiReply of(int status, Object body) {
    return new ApiReply(status, body, Map.of());
  }

  public Response toResponse() {
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
    headers.forEach(response::header);
    return response.build();
  }
}

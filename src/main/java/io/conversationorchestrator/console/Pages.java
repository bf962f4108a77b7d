package io.conversationorchestrator.console;

import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Renders console pages as HTML responses, and the answers every console resource shares. */
@ApplicationScoped
public class Pages {
  private final Template notFound;
  private final Template failed;

  public Pages(
      @Location("console/not-found.html") Template notFound,
      @Location("console/failed.html") Template failed) {
    this.notFound = notFound;
    this.failed = failed;
  }

  /**
   * Only this site's own scripts, styles and connections, never inside another site's frame (so no
   * page can overlay the console's buttons), and forms post only here.
   */
  static final String POLICY =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  public Uni<Response> html(int status, TemplateInstance page) {
    return page.createUni()
        .map(
            html ->
                Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(html)
                    .build());
  }

  /** A console page for an API failure: 404 for what this account does not have, else 4xx. */
  public Uni<Response> failure(ConsoleSession session, ApiException e) {
    if (e.error() == ApiError.NOT_FOUND) {
      return html(404, notFound.data("session", session).data("message", e.getMessage()));
    }
    return html(
        e.error().status(), failed.data("session", session).data("message", e.getMessage()));
  }

  /** Back to a page after an action; a refused action's message travels along, shown as text. */
  public static Response back(String path, String error) {
    String target =
        error == null ? path : path + "?error=" + URLEncoder.encode(error, StandardCharsets.UTF_8);
    return Response.seeOther(URI.create(target)).build();
  }
}

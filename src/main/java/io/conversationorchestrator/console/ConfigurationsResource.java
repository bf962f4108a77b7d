package io.conversationorchestrator.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.api.paging.PageToken;
import io.conversationorchestrator.configuration.ConfigurationBody;
import io.conversationorchestrator.configuration.ConfigurationResponse;
import io.conversationorchestrator.configuration.ConfigurationService;
import io.conversationorchestrator.configuration.GroupingType;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Configurations: list, detail with the timers per channel, and create/edit forms. The forms make
 * the API's request bodies and hand them to the API's parsing, validation and service; what they
 * refuse shows next to the field it concerns.
 */
@TemplateData(target = ConfigurationResponse.class)
@Path("/console/configurations")
@Produces(MediaType.TEXT_HTML)
public class ConfigurationsResource {
  private static final int PAGE_SIZE = 50;

  private final ConfigurationService configurations;
  private final RequestValidation validation;
  private final ObjectMapper json;
  private final ConsoleCaller caller;
  private final Pages pages;
  private final Template list;
  private final Template detail;
  private final Template form;

  public ConfigurationsResource(
      ConfigurationService configurations,
      RequestValidation validation,
      ObjectMapper json,
      ConsoleCaller caller,
      Pages pages,
      @Location("console/configurations.html") Template list,
      @Location("console/configuration.html") Template detail,
      @Location("console/configuration-form.html") Template form) {
    this.configurations = configurations;
    this.validation = validation;
    this.json = json;
    this.caller = caller;
    this.pages = pages;
    this.list = list;
    this.detail = detail;
    this.form = form;
  }

  @GET
  public Uni<Response> list(@RestQuery String pageToken) {
    PageQuery query = new PageQuery(PAGE_SIZE, false, null, Map.of());
    if (pageToken != null && !pageToken.isEmpty()) {
      PageToken token = PageToken.decode(pageToken);
      query = new PageQuery(PAGE_SIZE, token.backward(), token.boundary(), token.filters());
    }
    ConsoleSession session = caller.session();
    return configurations
        .list(session.accountSid(), query)
        .chain(
            p ->
                pages.html(
                    200,
                    list.data("session", session)
                        .data("items", p.items())
                        .data("next", p.meta().nextToken())
                        .data("previous", p.meta().previousToken())));
  }

  @GET
  @Path("/new")
  public Uni<Response> blank() {
    return showForm(200, ConfigurationForm.empty(), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> create(MultivaluedMap<String, String> fields, @Context UriInfo uri) {
    caller.requireCsrf(fields.getFirst("csrf"));
    ConfigurationForm f = ConfigurationForm.of(fields);
    ConfigurationBody body = parse(f);
    if (!f.valid()) {
      return showForm(400, f, null);
    }
    return submit(
        f,
        null,
        () ->
            configurations
                .create(caller.accountSid(), body, uri.getBaseUri())
                .map(
                    reply ->
                        json.valueToTree(reply.body())
                            .path("related")
                            .path("configurationId")
                            .asText()));
  }

  @GET
  @Path("/{id}")
  public Uni<Response> show(@PathParam("id") String id) {
    ConsoleSession session = caller.session();
    return configurations
        .fetch(session.accountSid(), id)
        .chain(
            c ->
                pages.html(
                    200,
                    detail
                        .data("session", session)
                        .data("c", c)
                        .data("form", ConfigurationForm.of(c))));
  }

  @GET
  @Path("/{id}/edit")
  public Uni<Response> edit(@PathParam("id") String id) {
    return configurations
        .fetch(caller.accountSid(), id)
        .chain(c -> showForm(200, ConfigurationForm.of(c), id));
  }

  @POST
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> update(
      @PathParam("id") String id, MultivaluedMap<String, String> fields, @Context UriInfo uri) {
    caller.requireCsrf(fields.getFirst("csrf"));
    ConfigurationForm f = ConfigurationForm.of(fields);
    ObjectNode patch = f.body(json);
    if (!f.valid()) {
      return showForm(400, f, id);
    }
    return submit(
        f,
        id,
        () ->
            configurations
                .patch(caller.accountSid(), id, patch, uri.getBaseUri())
                .map(reply -> id));
  }

  /** The form's body as the API parses and validates a create request; problems go on the form. */
  private ConfigurationBody parse(ConfigurationForm f) {
    ObjectNode node = f.body(json);
    try {
      ConfigurationBody body = json.treeToValue(node, ConfigurationBody.class);
      validation.check(body, ConfigurationBody.OnCreate.class);
      return body;
    } catch (ConstraintViolationException e) {
      e.getConstraintViolations().forEach(f::reject);
    } catch (JsonMappingException e) {
      f.reject(e);
    } catch (JsonProcessingException e) {
      f.reject(e.getOriginalMessage());
    }
    return null;
  }

  private Uni<Response> submit(
      ConfigurationForm f, String id, Supplier<Uni<? extends String>> action) {
    return Uni.createFrom()
        .deferred(action)
        .map(saved -> Pages.back(ConsolePaths.configuration(saved), null))
        .onFailure(
            e ->
                e instanceof ApiException a && a.error() != ApiError.NOT_FOUND
                    || e instanceof ConstraintViolationException)
        .recoverWithUni(
            e -> {
              if (e instanceof ConstraintViolationException v) {
                v.getConstraintViolations().forEach(f::reject);
              } else {
                f.reject(e.getMessage());
              }
              return showForm(400, f, id);
            });
  }

  private Uni<Response> showForm(int status, ConfigurationForm f, String id) {
    return pages.html(
        status,
        form.data("session", caller.session())
            .data("form", f)
            .data("id", id)
            .data("groupings", Stream.of(GroupingType.values()).map(Enum::name).toList()));
  }

  @ServerExceptionMapper
  public Uni<Response> failure(ApiException e) {
    return pages.failure(caller.session(), e);
  }
}

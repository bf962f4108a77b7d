package io.conversationorchestrator.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What to send: a text, a content template ({@code contentId} with its {@code variables}), or both;
 * media by URL. Checked further by {@link SendMessageChecks}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageContent(
    @Size(min = 1, max = 32_768) String text,
    @Pattern(regexp = "^HX[0-9a-fA-F]{32}$", message = "expected HX followed by 32 hex digits")
        String contentId,
    @Size(max = 100)
        Map<@NotNull @Size(min = 1, max = 128) String, @NotNull @Size(max = 1024) String> variables,
    @Size(max = 10) List<@NotNull @Size(max = 2048) String> mediaUrls) {}

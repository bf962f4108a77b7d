package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Response SLAs of a channel (our extension), in the unit of {@code statusTimeouts}: how long after
 * a customer message an agent must answer, the first time and afterwards. Absent means no SLA.
 */
public record ResponseSla(
    @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(5_256_000) Integer firstResponse,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(5_256_000) Integer nextResponse) {}

package org.gridgov.cases.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/** A task to an organisation (AREA: a street, community or grid code), a DEPARTMENT or a PERSON (username). */
public record NewTask(
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 4000) String content,
        @NotNull @Pattern(regexp = "AREA|DEPARTMENT|PERSON") String assigneeType,
        @NotBlank @Size(max = 64) String assigneeCode,
        @Min(1) @Max(3) Integer urgency,
        @NotNull LocalDateTime deadline) {}

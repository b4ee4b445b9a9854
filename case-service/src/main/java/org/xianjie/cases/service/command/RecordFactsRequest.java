package org.xianjie.cases.service.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Facts found in the investigation. Each part given replaces what was recorded before (amounts as a
 * whole, parties as a whole); parts left out stay as they are.
 */
@Schema(description = "Facts found: each part given replaces the recorded one; at least one part is required")
public record RecordFactsRequest(
        @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        @Valid AmountsInput amounts,
        @Size(max = 50) List<@Valid @NotNull PartyInput> parties,

        @Schema(description = "When the act happened (ISO-8601 with offset); default: the time of the request")
        OffsetDateTime occurredAt) {

    public boolean isEmpty() {
        return title == null && summary == null && amounts == null && parties == null;
    }
}

package org.xianjie.platform.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A response that an idempotency key remembers: the status and the JSON body exactly as first
 * sent, and whether this copy is a replay of it.
 */
public record IdempotentResponse(int status, String json, boolean replayed) {

    public static IdempotentResponse of(int status, String json) {
        return new IdempotentResponse(status, json, false);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON).entity(json);
        if (replayed) {
            builder.header(IdempotencyStore.REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}

package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An act on a shared item in the actor's words: a read receipt (no text), a follow-up, an answer,
 * an acceptance note, guidance. {@code occurredAt} is when the act happened, if earlier than the request.
 */
@Schema(example = """
        {"text": "已安排经侦支队核查，三日内反馈", "occurredAt": "2026-03-02T10:15:00+08:00"}""")
public record ActRequest(@Size(max = 8000) String text, OffsetDateTime occurredAt) {

    public static final ActRequest EMPTY = new ActRequest(null, null);
}

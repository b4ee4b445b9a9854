package org.xianjie.referral.api.sharing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.platform.identity.AgencyType;

/**
 * 线索通报: what, who, where, evidence digests, to named agencies ({@code to}) and/or every agency of
 * a type in a region ({@code toType} with {@code toRegion}).
 */
@Schema(example = """
        {"title": "出口假冒\\"耐克\\"运动鞋线索", "what": "查获一批涉嫌侵犯注册商标专用权的出口货物，收货人位于青岛",
         "who": ["青岛某贸易有限公司"], "where": "青岛市黄岛区某物流园",
         "evidence": [{"title": "查验记录", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
         "to": ["QD-PSB"], "toType": null, "toRegion": null, "occurredAt": "2026-03-02T09:00:00+08:00"}""")
public record ClueRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String what,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> who,
        @Size(max = 500) String where,
        @Size(max = 50) List<@Valid @NotNull Digest> evidence,
        @Size(max = 50) List<@NotBlank @Size(max = 32) String> to,
        AgencyType toType,

        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 region code")
        String toRegion,

        OffsetDateTime occurredAt) {

    /** An evidence digest: the item's title and the SHA-256 of its file. */
    public record Digest(
            @NotBlank @Size(max = 200) String title,

            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lower-case hex SHA-256")
            String sha256) {}
}

package org.xianjie.cases.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.domain.PartyKind;

/**
 * A party (当事人) as posted. The identity number is hashed and masked on arrival and never stored,
 * logged or published in clear; {@link #toString()} leaves it out for that reason.
 */
@Schema(description = "A party: person (居民身份证号码) or company (统一社会信用代码)")
public record PartyInput(
        @NotNull PartyKind kind,
        @NotBlank @Size(max = 200) String name,

        @Schema(
                description =
                        "Identity number; stored and published only as keyed hashes (HMAC-SHA256) and its last 4 characters")
        @NotBlank
        @Pattern(regexp = "[0-9A-Za-z]{15,18}", message = "must be 15 to 18 letters or digits")
        String identityNumber,

        @Schema(description = "Role in the case, e.g. 经营者, 法定代表人") @Size(max = 100)
        String role) {

    @Override
    public String toString() {
        return "PartyInput[kind=" + kind + ", name=" + name + ", role=" + role + "]";
    }
}

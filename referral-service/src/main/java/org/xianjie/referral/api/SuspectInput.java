package org.xianjie.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.referral.domain.criminal.NewSuspect;
import org.xianjie.referral.domain.criminal.SuspectKind;
import org.xianjie.referral.domain.criminal.SuspectRole;

/**
 * A suspect (犯罪嫌疑人) as the agency or the police record it. The identity number (居民身份证号码
 * or 统一社会信用代码) is hashed with the suite's keys and masked on arrival; it is never stored or
 * returned. {@code charges} are Criminal Law articles, e.g. "213".
 */
@Schema(example = """
        {"kind": "PERSON", "name": "王某", "identityNumber": "120101198001011234", "role": "PRINCIPAL",
         "charges": ["213", "214"]}""")
public record SuspectInput(
        @NotNull SuspectKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String identityNumber,
        @NotNull SuspectRole role,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Size(max = 8) String> charges) {

    NewSuspect toNewSuspect() {
        return new NewSuspect(kind, name, identityNumber, role, charges);
    }
}

package org.xianjie.referral.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xianjie.referral.domain.process.AttachmentKind;

/** A document attached to a step: metadata and its SHA-256 digest, never the file itself. */
public record AttachmentInput(
        @NotNull AttachmentKind kind,
        @NotBlank @Size(max = 200) String title,

        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 digest: 64 hexadecimal digits")
        String sha256) {}

package org.xianjie.notification.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registers a webhook endpoint of the caller's agency system. */
@Schema(description = "A webhook endpoint to register", example = """
        {"url": "https://case-system.tjamr.example/hooks/xianjie",
         "eventTypes": ["org.xianjie.referral.*"],
         "description": "市场监管局办案系统"}""")
public record WebhookRequest(
        @Schema(description = "Absolute http(s) URL receiving POSTs", required = true)
        String url,

        @Schema(
                description = "Event types wanted: exact types, '*' for all, or a prefix ending in '*'",
                required = true)
        List<String> eventTypes,

        @Schema(description = "Signing secret 'whsec_' + base64 (24+ bytes); generated when absent")
        String secret,

        String description) {}

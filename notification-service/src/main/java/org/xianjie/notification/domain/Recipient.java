package org.xianjie.notification.domain;

/** One notification to create: the agency (and role, if only that role may see it), urgency and title. */
public record Recipient(String agency, String role, Urgency urgency, String titleZh, String titleEn) {}

package org.xianjie.platform.identity;

/**
 * An agency of the directory: its code, name, type and administrative region (GB/T 2260 code,
 * e.g. 120000 Tianjin, 120116 Binhai New Area).
 */
public record Agency(String code, String name, String nameEn, AgencyType type, String region) {}

package org.xianjie.cases.domain;

import java.util.List;

/**
 * A party as the suite keeps it: the identity number only as its last 4 characters
 * ({@code maskedIdentityNumber}) and keyed hashes ({@code keyId:hex}, one per active key, see
 * platform's IdentityHasher) for matching repeat offenders. The clear number is never stored.
 */
public record Party(
        PartyKind kind, String name, String role, String maskedIdentityNumber, List<String> identityHashes) {}

package org.xianjie.cases.domain;

/**
 * A party as the suite keeps it: the identity number only masked and hashed (see {@link IdentityNumbers}).
 */
public record Party(PartyKind kind, String name, String role, String maskedIdentityNumber, String identityHash) {

    /** Builds the stored form; {@code identityNumber} is used here and then forgotten. */
    public static Party of(PartyKind kind, String name, String role, String identityNumber) {
        return new Party(kind, name, role, IdentityNumbers.mask(identityNumber), IdentityNumbers.hash(identityNumber));
    }
}

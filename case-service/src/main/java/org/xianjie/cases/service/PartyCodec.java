package org.xianjie.cases.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.xianjie.cases.domain.Party;
import org.xianjie.cases.domain.PartyKind;
import org.xianjie.cases.service.command.PartyInput;
import org.xianjie.platform.pii.IdentityHasher;

/**
 * Converts posted parties to their stored form (keyed hashes, last-4 mask) and the stored JSON back.
 * Rows written before keyed hashing carried an unkeyed SHA-256 ({@code identityHash}) and a mask
 * showing the first 4 characters too; they are re-keyed and re-masked on reading, so that no
 * reader or event ever sees the old form ({@link LegacyIdentityRekey} rewrites them at start).
 */
@ApplicationScoped
public class PartyCodec {

    /** The stored JSON, old and new fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(
            PartyKind kind,
            String name,
            String role,
            String maskedIdentityNumber,
            List<String> identityHashes,
            String identityHash) {}

    private static final TypeReference<List<Stored>> LIST = new TypeReference<>() {};
    private final ObjectMapper mapper;
    private final IdentityHasher hasher;

    public PartyCodec(ObjectMapper mapper, IdentityHasher hasher) {
        this.mapper = mapper;
        this.hasher = hasher;
    }

    public String encode(List<PartyInput> inputs) {
        return write(inputs.stream()
                .map(p -> new Party(
                        p.kind(),
                        p.name(),
                        p.role(),
                        IdentityHasher.mask(p.identityNumber()),
                        hasher.hashes(p.identityNumber())))
                .toList());
    }

    public List<Party> decode(String json) {
        try {
            return mapper.readValue(json, LIST).stream().map(this::current).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parties are not readable", e);
        }
    }

    /** Whether the stored JSON still holds the unkeyed form. */
    public boolean isLegacy(String json) {
        try {
            return mapper.readValue(json, LIST).stream().anyMatch(s -> s.identityHash() != null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parties are not readable", e);
        }
    }

    /** The stored JSON in the current form. */
    public String rewrite(String json) {
        return write(decode(json));
    }

    /** Every keyed hash of every party: what case events publish for repeat-offender matching. */
    public List<String> identityHashes(String json) {
        return decode(json).stream()
                .flatMap(p -> p.identityHashes().stream())
                .distinct()
                .toList();
    }

    private Party current(Stored s) {
        if (s.identityHash() == null) {
            return new Party(
                    s.kind(),
                    s.name(),
                    s.role(),
                    s.maskedIdentityNumber(),
                    Objects.requireNonNullElse(s.identityHashes(), List.of()));
        }
        // the old mask kept the first 4 characters as well: keep the last 4 only
        String oldMask = Objects.requireNonNullElse(s.maskedIdentityNumber(), "");
        return new Party(s.kind(), s.name(), s.role(), IdentityHasher.mask(oldMask), hasher.rekey(s.identityHash()));
    }

    private String write(List<Party> parties) {
        try {
            return mapper.writeValueAsString(parties.stream()
                    .map(p -> new Stored(
                            p.kind(), p.name(), p.role(), p.maskedIdentityNumber(), p.identityHashes(), null))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parties cannot be written as JSON", e);
        }
    }
}

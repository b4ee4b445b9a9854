package org.xianjie.cases.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.xianjie.cases.api.PartyInput;
import org.xianjie.cases.domain.Party;

import java.util.List;

/** Converts posted parties to their stored form (hashed, masked) and the stored JSON back. */
@ApplicationScoped
public class PartyCodec {

    private static final TypeReference<List<Party>> LIST = new TypeReference<>() {
    };
    private final ObjectMapper mapper;

    public PartyCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(List<PartyInput> inputs) {
        List<Party> parties = inputs.stream()
                .map(p -> Party.of(p.kind(), p.name(), p.role(), p.identityNumber()))
                .toList();
        try {
            return mapper.writeValueAsString(parties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parties cannot be written as JSON", e);
        }
    }

    public List<Party> decode(String json) {
        try {
            return mapper.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parties are not readable", e);
        }
    }

    public List<String> identityHashes(String json) {
        return decode(json).stream().map(Party::identityHash).distinct().toList();
    }
}

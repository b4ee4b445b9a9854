package org.xianjie.platform.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory of agencies (code, name, type, region), kept as data: the built-in (event-contracts)
 * {@code agencies.json} seeds Tianjin (city, Binhai, Heping) and Shandong (province, Qingdao,
 * Huangdao, Jiaozhou); operators replace it with
 * {@code xianjie.agency-directory.path}. A caller's type and region come from here, never from
 * what the caller asserts.
 */
@ApplicationScoped
public class AgencyDirectory {

    private final Map<String, Agency> byCode;

    @Inject
    public AgencyDirectory(
            @ConfigProperty(name = "xianjie.agency-directory.path") Optional<String> path, ObjectMapper mapper) {
        this(load(path, mapper));
    }

    public AgencyDirectory(List<Agency> agencies) {
        Map<String, Agency> map = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            map.put(agency.code(), agency);
        }
        this.byCode = Map.copyOf(map);
    }

    public Optional<Agency> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public Collection<Agency> all() {
        return byCode.values().stream()
                .sorted(java.util.Comparator.comparing(Agency::code))
                .toList();
    }

    public boolean knowsRegion(String region) {
        return byCode.values().stream().anyMatch(a -> a.region().equals(region));
    }

    /**
     * 同级: the agency of the given type for the same region, e.g. the police at the same level as
     * an administrative agency.
     */
    public Optional<Agency> sameLevel(AgencyType type, String region) {
        return byCode.values().stream()
                .filter(a -> a.type() == type && a.region().equals(region))
                .findFirst();
    }

    static List<Agency> load(Optional<String> path, ObjectMapper mapper) {
        TypeReference<List<Agency>> listOfAgencies = new TypeReference<>() {};
        try {
            if (path.isPresent() && !path.get().isBlank()) {
                return mapper.readValue(Files.readString(Path.of(path.get())), listOfAgencies);
            }
            try (InputStream in = AgencyDirectory.class.getResourceAsStream("/agencies.json")) {
                if (in == null) {
                    throw new IllegalStateException("agencies.json is missing from the classpath");
                }
                return mapper.readValue(in, listOfAgencies);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agency directory", e);
        }
    }
}

package org.xianjie.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.platform.problem.ProblemMappers;

class StrictJsonTest {

    record Amounts(BigDecimal fine, Integer copies) {}

    record Command(String title, List<String> team, Amounts amounts, boolean urgent, JsonNode grounds) {}

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    private Command read(String json) throws Exception {
        return mapper.readValue(json, Command.class);
    }

    @Test
    void wellFormedInputIsReadWithLineBreaksInText() throws Exception {
        Command c = read("{\"title\":\"第一行\\n第二行\\t注\",\"team\":[\"张伟\"],\"amounts\":{\"fine\":1.5,\"copies\":3},"
                + "\"urgent\":true,\"grounds\":{\"a\":[\"x\"]}}");
        assertEquals("第一行\n第二行\t注", c.title());
        assertEquals(3, c.amounts().copies());
    }

    @Test
    void controlCharactersAreRefusedWithTheirPath() {
        ForbiddenAt nul = forbidden("{\"title\":\"a\\u0000b\"}");
        assertEquals("title", nul.path);
        assertTrue(nul.message.contains("U+0000"));
        assertEquals("team[1]", forbidden("{\"team\":[\"a\",\"\\u001b[2J\"]}").path);
        assertEquals("title", forbidden("{\"title\":\"\\u0085\"}").path);
        assertEquals("title", forbidden("{\"title\":\"\\udc00x\"}").path);
        ForbiddenAt inTree = forbidden("{\"grounds\":{\"a\":[\"ok\",\"b\\u0007\"]}}");
        assertEquals("grounds", inTree.path);
        assertEquals("a[1]", inTree.inner);
    }

    @Test
    void wrongTypesAreRefusedInsteadOfConverted() {
        for (String json : List.of(
                "{\"title\":12}",
                "{\"title\":true}",
                "{\"title\":[\"a\"]}",
                "{\"team\":[1,2]}",
                "{\"team\":\"a\"}",
                "{\"amounts\":{\"fine\":\"100\"}}",
                "{\"amounts\":{\"copies\":1.5}}",
                "{\"amounts\":{\"copies\":\"\"}}",
                "{\"urgent\":\"true\"}",
                "{\"urgent\":1}",
                "{\"urgent\":null}")) {
            assertThrows(MismatchedInputException.class, () -> read(json), json);
        }
    }

    @Test
    void duplicateKeysAndTrailingTokensAreRefused() {
        assertThrows(JsonParseException.class, () -> read("{\"title\":\"a\",\"title\":\"b\"}"));
        assertThrows(JsonParseException.class, () -> mapper.readTree("{\"a\":{\"b\":1,\"b\":2}}"));
        assertThrows(Exception.class, () -> read("{\"title\":\"a\"} {}"));
    }

    private record ForbiddenAt(String path, String inner, String message) {}

    private ForbiddenAt forbidden(String json) {
        try {
            read(json);
            return null;
        } catch (StrictJson.ForbiddenText e) {
            return new ForbiddenAt(ProblemMappers.path(e), e.innerPath(), e.getOriginalMessage());
        } catch (Exception e) {
            throw new AssertionError("expected a refusal of " + json + " but got " + e, e);
        }
    }
}

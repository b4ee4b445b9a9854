package org.xianjie.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** RFC 8785's own examples (sections 3.2.2, 3.2.3 and appendix B). */
class JsonCanonicalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return JsonCanonicalizer.canonical(JSON.readTree(json));
    }

    @Test
    void theRfcsSampleObjectCanonicalisesAsTheRfcPrintsIt() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(canonical(input))
                .isEqualTo("{\"literals\":[null,true,false],"
                        + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void membersAreSortedByUtf16CodeUnits() throws Exception {
        String input = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
                 "\\u00f6": "Latin Small Letter O With Diaeresis"}""";
        assertThat(canonical(input))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void numbersAreWrittenAsEcmaScriptWritesThem() {
        assertThat(JsonCanonicalizer.number(0.0)).isEqualTo("0");
        assertThat(JsonCanonicalizer.number(-0.0)).isEqualTo("0");
        assertThat(JsonCanonicalizer.number(258000.0)).isEqualTo("258000");
        assertThat(JsonCanonicalizer.number(86000.5)).isEqualTo("86000.5");
        assertThat(JsonCanonicalizer.number(9007199254740992.0)).isEqualTo("9007199254740992");
        assertThat(JsonCanonicalizer.number(295147905179352830000.0)).isEqualTo("295147905179352830000");
        assertThat(JsonCanonicalizer.number(1e21)).isEqualTo("1e+21");
        assertThat(JsonCanonicalizer.number(1e-7)).isEqualTo("1e-7");
        assertThat(JsonCanonicalizer.number(0.000001)).isEqualTo("0.000001");
        assertThat(JsonCanonicalizer.number(-1.5e-9)).isEqualTo("-1.5e-9");
        assertThat(JsonCanonicalizer.number(5e-324)).isEqualTo("5e-324");
        assertThat(JsonCanonicalizer.number(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
    }

    @Test
    void whitespaceAndMemberOrderOfTheInputDoNotChangeTheResult() throws Exception {
        assertThat(canonical("{ \"b\" : [ 1 , {\"y\":2,\"x\":1} ], \"a\": \"中文\" }"))
                .isEqualTo(canonical("{\"a\":\"中文\",\"b\":[1.0,{\"x\":1,\"y\":2.00}]}"))
                .isEqualTo("{\"a\":\"中文\",\"b\":[1,{\"x\":1,\"y\":2}]}");
    }
}

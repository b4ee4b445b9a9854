package org.xianjie.platform.problem;

/** The {@code type} URIs of the problems the suite returns; each is described in docs/api.md. */
public final class ProblemTypes {
    private static final String BASE = "https://xianjie.org/problems/";
    public static final String INVALID_INPUT = BASE + "invalid-input";
    public static final String MALFORMED_JSON = BASE + "malformed-json";
    public static final String UNPROCESSABLE = BASE + "unprocessable";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String STATE_CONFLICT = BASE + "state-conflict";
    public static final String CONFLICT = BASE + "conflict";
    public static final String CONCURRENT_UPDATE = BASE + "concurrent-update";
    public static final String TOO_LARGE = BASE + "payload-too-large";
    public static final String URI_TOO_LONG = BASE + "uri-too-long";
    public static final String HEADERS_TOO_LARGE = BASE + "headers-too-large";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String INTERNAL = BASE + "internal-error";
    public static final String UNAVAILABLE = BASE + "service-unavailable";

    private ProblemTypes() {}

    /** A generic type for an HTTP status without a more specific one. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_INPUT;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : "about:blank";
        };
    }
}

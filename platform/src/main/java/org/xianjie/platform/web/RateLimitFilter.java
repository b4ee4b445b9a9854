package org.xianjie.platform.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xianjie.platform.identity.AgencyIdentityAugmentor;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemTypes;

/**
 * Applies the per-agency rate limit to every REST request with a valid token: over the limit, a
 * 429 problem with {@code Retry-After}. Requests without a valid token pass on to authentication,
 * which refuses them itself.
 */
public class RateLimitFilter {

    private final CurrentIdentityAssociation identities;
    private final AgencyRateLimiter limiter;

    public RateLimitFilter(CurrentIdentityAssociation identities, AgencyRateLimiter limiter) {
        this.identities = identities;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        return identities
                .getDeferredIdentity()
                .map(identity -> {
                    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                        return null;
                    }
                    String agency = AgencyIdentityAugmentor.agencyOf(jwt);
                    long wait = agency == null ? 0 : limiter.acquire(agency);
                    return wait == 0 ? null : tooMany(request, agency, wait);
                })
                .onFailure()
                .recoverWithNull();
    }

    private static Response tooMany(ContainerRequestContext request, String agency, long waitSeconds) {
        Problem problem = new Problem(
                ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests",
                429,
                "agency " + agency + " is over its request rate; retry after " + waitSeconds + " s",
                request.getUriInfo().getPath(),
                List.of(),
                null);
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, waitSeconds)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}

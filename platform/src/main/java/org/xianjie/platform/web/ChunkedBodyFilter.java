package org.xianjie.platform.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives REST the chunked body {@link HttpGuard} already read under the limit: the request stream
 * has ended, so REST must take the entity from here rather than from the connection.
 */
public class ChunkedBodyFilter {

    @ServerRequestFilter(preMatching = true)
    public void bufferedBody(ContainerRequestContext request, RoutingContext context) {
        Buffer body = context.get(HttpGuard.BUFFERED_BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}

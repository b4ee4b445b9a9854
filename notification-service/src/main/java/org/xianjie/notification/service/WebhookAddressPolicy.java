package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.notification.domain.WebhookTargets;

/**
 * Decides where webhooks may go, at registration and again before every delivery (DNS can change
 * in between): the URL's host is resolved, every address it resolves to must be public or inside an
 * operator-allowed network ({@code xianjie.webhooks.allowed-networks}), and none may be one of the
 * suite's own endpoints (this service, its database, the Kafka brokers, and
 * {@code xianjie.webhooks.denied-endpoints}), which no allow-list opens. The delivery then connects
 * to the address checked here, never to a second lookup's answer.
 */
@ApplicationScoped
public class WebhookAddressPolicy {

    private final List<WebhookTargets.Network> allowed;
    private final List<Endpoint> own;

    public WebhookAddressPolicy(
            @ConfigProperty(name = "xianjie.webhooks.allowed-networks") Optional<List<String>> allowedNetworks,
            @ConfigProperty(name = "xianjie.webhooks.denied-endpoints") Optional<List<String>> deniedEndpoints,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "") String kafka,
            @ConfigProperty(name = "quarkus.datasource.reactive.url", defaultValue = "") String database) {
        this.allowed = allowedNetworks.orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(WebhookTargets.Network::parse)
                .toList();
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("0.0.0.0", httpPort));
        for (String server : kafka.split(",")) {
            Endpoint.parse(server.trim()).ifPresent(endpoints::add);
        }
        Endpoint.fromUrl(database).ifPresent(endpoints::add);
        deniedEndpoints.orElse(List.of()).forEach(e -> Endpoint.parse(e.trim()).ifPresent(endpoints::add));
        this.own = List.copyOf(endpoints);
    }

    /** A URL's target once checked: the address to connect to. */
    public record Target(InetAddress address, int port) {}

    /** The checked target of {@code url}, or a failure whose message says why it is refused. Resolves off the event loop. */
    public Uni<Target> check(String url) {
        return Uni.createFrom().item(() -> resolve(url)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** As {@link #check} but at registration: a host that does not resolve (yet) is accepted and checked at delivery. */
    public Uni<Optional<String>> problemAtRegistration(String url) {
        return check(url)
                .map(t -> Optional.<String>empty())
                .onFailure(Refused.class)
                .recoverWithItem(e -> Optional.of(e.getMessage()))
                .onFailure(Unresolvable.class)
                .recoverWithItem(Optional.empty());
    }

    Target resolve(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        Optional<String> hostProblem = WebhookTargets.hostProblem(host);
        if (hostProblem.isPresent()) {
            throw new Refused(hostProblem.get());
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Unresolvable();
        }
        for (InetAddress address : addresses) {
            if (own.stream().anyMatch(e -> e.matches(address, port))) {
                throw new Refused("must not point at the suite's own services");
            }
            if (WebhookTargets.nonPublic(address) && allowed.stream().noneMatch(n -> n.contains(address))) {
                throw new Refused("must resolve to a public address (loopback, private, link-local and reserved "
                        + "addresses are refused unless an operator allows them)");
            }
        }
        return new Target(addresses[0], port);
    }

    /** A refusal by this policy; its message is safe to show the agency. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The host has no address now. */
    public static final class Unresolvable extends RuntimeException {
        Unresolvable() {
            super("the host does not resolve", null, false, false);
        }
    }

    /** One of the suite's own host:port pairs. A wildcard or loopback host stands for every local address. */
    record Endpoint(String host, int port) {

        static Optional<Endpoint> parse(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            try {
                String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
                return Optional.of(new Endpoint(host, Integer.parseInt(hostPort.substring(colon + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static Optional<Endpoint> fromUrl(String url) {
            try {
                URI uri = URI.create(url);
                return uri.getHost() == null
                        ? Optional.empty()
                        : Optional.of(new Endpoint(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        boolean matches(InetAddress target, int targetPort) {
            if (targetPort != port) {
                return false;
            }
            InetAddress t = WebhookTargets.unwrap(target);
            try {
                for (InetAddress mine : InetAddress.getAllByName(host)) {
                    if (mine.equals(t)) {
                        return true;
                    }
                    if ((mine.isAnyLocalAddress() || mine.isLoopbackAddress()) && isLocal(t)) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                return false;
            }
            return false;
        }

        private static boolean isLocal(InetAddress address) {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
                return true;
            }
            try {
                return NetworkInterface.getByInetAddress(address) != null;
            } catch (SocketException e) {
                return false;
            }
        }
    }
}

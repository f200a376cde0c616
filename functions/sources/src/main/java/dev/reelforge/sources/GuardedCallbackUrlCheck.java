package dev.reelforge.sources;

import dev.reelforge.core.callback.CallbackUrlCheck;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The check of a callback URL at submit time: http or https, a host, and not a host that is (or only
 * resolves to) an address the poster would refuse. A name that does not resolve now is accepted: DNS may
 * be late, and the poster judges the address again at every attempt.
 */
public final class GuardedCallbackUrlCheck implements CallbackUrlCheck {

    private final boolean allowLoopback;

    public GuardedCallbackUrlCheck(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    @Override
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        HttpEndpoint endpoint;
        try {
            endpoint = HttpEndpoint.of(url);
        } catch (SourceRefusal refusal) {
            return Optional.of("must name a host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(endpoint.host());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (Arrays.stream(addresses).anyMatch(address -> AddressScope.of(address).permitted(allowLoopback))) {
            return Optional.empty();
        }
        AddressScope scope = AddressScope.of(addresses[0]);
        return Optional.of(endpoint.host() + (endpoint.literal() ? " is " : " resolves to ") + scope.description()
                + ", which is not called");
    }
}

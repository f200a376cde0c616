package dev.reelforge.sources;

import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.url.FetchableUrl;
import dev.reelforge.core.url.UrlHost;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The check of a callback URL at submit time: read as the poster reads it ({@link FetchableUrl}: http or https,
 * a host written canonically), and not a host that is (or only resolves to) an address the poster would refuse.
 * A name that does not resolve now is accepted: DNS may be late, and the poster judges the address again at
 * every attempt.
 */
public final class GuardedCallbackUrlCheck implements CallbackUrlCheck {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final boolean allowLoopback;

    public GuardedCallbackUrlCheck(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    @Override
    public Optional<String> refusal(URI url) {
        return switch (FetchableUrl.read(url.toString(), SCHEMES)) {
            case FetchableUrl.Reading.Refused refused -> Optional.of(refused.problem());
            case FetchableUrl.Reading.Accepted accepted -> refusal(accepted.url().host());
        };
    }

    private Optional<String> refusal(UrlHost host) {
        InetAddress[] addresses;
        try {
            addresses = GuardedConnector.addressesOf(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (Arrays.stream(addresses).anyMatch(address -> AddressScope.of(address).permitted(allowLoopback))) {
            return Optional.empty();
        }
        AddressScope scope = AddressScope.of(addresses[0]);
        return Optional.of(host.text() + (host instanceof UrlHost.Address ? " is " : " resolves to ")
                + scope.description() + ", which is not called");
    }
}

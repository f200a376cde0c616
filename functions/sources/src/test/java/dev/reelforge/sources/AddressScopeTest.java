package dev.reelforge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AddressScopeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8.8.8.8                   | PUBLIC
            1.1.1.1                   | PUBLIC
            52.95.110.1               | PUBLIC
            0.0.0.0                   | UNSPECIFIED
            0.1.2.3                   | RESERVED
            9.255.255.255             | PUBLIC
            10.0.0.1                  | PRIVATE
            10.255.255.255            | PRIVATE
            11.0.0.0                  | PUBLIC
            100.63.255.255            | PUBLIC
            100.64.0.1                | SHARED
            100.100.100.200           | SHARED
            100.127.255.255           | SHARED
            100.128.0.0               | PUBLIC
            126.255.255.255           | PUBLIC
            127.0.0.1                 | LOOPBACK
            127.255.255.254           | LOOPBACK
            128.0.0.0                 | PUBLIC
            169.253.255.255           | PUBLIC
            169.254.0.1               | LINK_LOCAL
            169.254.169.254           | LINK_LOCAL
            169.255.0.0               | PUBLIC
            172.15.255.255            | PUBLIC
            172.16.0.0                | PRIVATE
            172.31.255.255            | PRIVATE
            172.32.0.0                | PUBLIC
            192.0.0.1                 | RESERVED
            192.0.2.1                 | RESERVED
            192.88.99.1               | RESERVED
            192.167.255.255           | PUBLIC
            192.168.0.1               | PRIVATE
            192.168.255.255           | PRIVATE
            192.169.0.0               | PUBLIC
            198.17.255.255            | PUBLIC
            198.18.0.1                | RESERVED
            198.19.255.255            | RESERVED
            198.20.0.0                | PUBLIC
            198.51.100.7              | RESERVED
            203.0.113.9               | RESERVED
            223.255.255.255           | PUBLIC
            224.0.0.1                 | MULTICAST
            239.255.255.250           | MULTICAST
            240.0.0.1                 | RESERVED
            255.255.255.254           | RESERVED
            255.255.255.255           | BROADCAST
            ::                        | UNSPECIFIED
            ::1                       | LOOPBACK
            ::2                       | RESERVED
            ::ffff:127.0.0.1          | LOOPBACK
            ::ffff:10.1.2.3           | PRIVATE
            ::ffff:169.254.169.254    | LINK_LOCAL
            ::ffff:8.8.8.8            | PUBLIC
            ::127.0.0.1               | LOOPBACK
            ::10.0.0.1                | PRIVATE
            ::169.254.169.254         | LINK_LOCAL
            64:ff9b::a9fe:a9fe        | LINK_LOCAL
            64:ff9b::a00:1            | PRIVATE
            64:ff9b::808:808          | PUBLIC
            64:ff9b:1::a00:1          | RESERVED
            100::1                    | RESERVED
            2001::1                   | RESERVED
            2001:1ff::1               | RESERVED
            2001:200::1               | PUBLIC
            2001:db8::1               | RESERVED
            2002:7f00:1::             | LOOPBACK
            2002:a9fe:a9fe::1         | LINK_LOCAL
            2002:808:808::1           | PUBLIC
            2606:4700:4700::1111      | PUBLIC
            2a05:d018::1              | PUBLIC
            3fff:ffff::1              | PUBLIC
            4000::1                   | RESERVED
            fc00::1                   | PRIVATE
            fd00:ec2::254             | PRIVATE
            fe80::1                   | LINK_LOCAL
            febf:ffff::1              | LINK_LOCAL
            fec0::1                   | PRIVATE
            ff02::1                   | MULTICAST
            ff0e::1                   | MULTICAST
            """)
    void classifiesAddresses(String literal, AddressScope expected) throws UnknownHostException {
        assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Address() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
            (byte) 254};

        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressScope.of(address)).isEqualTo(AddressScope.LINK_LOCAL);
    }

    @Test
    void loopbackIsPermittedOnlyWhenAllowed() {
        assertThat(AddressScope.LOOPBACK.permitted(true)).isTrue();
        assertThat(AddressScope.LOOPBACK.permitted(false)).isFalse();
    }

    @Test
    void publicAddressesAreAlwaysPermitted() {
        assertThat(AddressScope.PUBLIC.permitted(false)).isTrue();
        assertThat(AddressScope.PUBLIC.permitted(true)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = AddressScope.class, names = {"PUBLIC", "LOOPBACK"}, mode = EnumSource.Mode.EXCLUDE)
    void otherScopesAreNeverPermitted(AddressScope scope) {
        assertThat(scope.permitted(true)).isFalse();
        assertThat(scope.permitted(false)).isFalse();
    }
}

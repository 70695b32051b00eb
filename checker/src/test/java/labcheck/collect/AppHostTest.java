package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppHostTest {

    @Test
    void publicIpIsSearchedByIpAddress() {
        assertThat(AppHost.parse("http://54.12.34.56:5001")).isEqualTo(new AppHost("54.12.34.56", "ip-address"));
    }

    @Test
    void privateIpIsSearchedByPrivateIpAddress() {
        assertThat(AppHost.parse("http://10.0.1.10:5001/")).isEqualTo(new AppHost("10.0.1.10", "private-ip-address"));
    }

    @Test
    void dnsNamesAreSearchedByPublicOrPrivateDnsName() {
        assertThat(AppHost.parse("http://EC2-54-12-34-56.compute-1.amazonaws.com:5001").filter()).isEqualTo("dns-name");
        assertThat(AppHost.parse("http://ip-10-0-1-10.ec2.internal:5001").filter()).isEqualTo("private-dns-name");
    }

    @Test
    void localhostCannotBeSearched() {
        assertThat(AppHost.parse("http://localhost:5001").filter()).isNull();
        assertThat(AppHost.parse("http://127.0.0.1:5001").filter()).isNull();
        assertThat(AppHost.parse(null)).isNull();
        assertThat(AppHost.parse("not a url")).isNull();
    }
}

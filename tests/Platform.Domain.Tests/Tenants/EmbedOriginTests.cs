using Platform.Domain.Tenants;

namespace Platform.Domain.Tests.Tenants;

public sealed class EmbedOriginTests
{
    [Theory]
    [InlineData("https://www.jobcenter.example", "https://www.jobcenter.example")]
    [InlineData(" https://WWW.Jobcenter.Example/ ", "https://www.jobcenter.example")]
    [InlineData("https://www.jobcenter.example:443", "https://www.jobcenter.example")]
    [InlineData("https://www.jobcenter.example:8443", "https://www.jobcenter.example:8443")]
    [InlineData("https://xn--mnchen-3ya.example", "https://xn--mnchen-3ya.example")]
    public void An_https_origin_is_kept_in_its_canonical_form(string input, string expected) =>
        Assert.Equal(expected, EmbedOrigin.Normalize(input, allowLoopbackHttp: false));

    [Theory]
    [InlineData("http://www.jobcenter.example")]
    [InlineData("https://*.jobcenter.example")]
    [InlineData("*")]
    [InlineData("https://www.jobcenter.example/pfad")]
    [InlineData("https://www.jobcenter.example//")]
    [InlineData("https://www.jobcenter.example?x=1")]
    [InlineData("https://www.jobcenter.example#x")]
    [InlineData("https://a@www.jobcenter.example")]
    [InlineData("https://www.jobcenter.example 'unsafe-inline'")]
    [InlineData("ftp://www.jobcenter.example")]
    [InlineData("data:text/html,x")]
    [InlineData("www.jobcenter.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? input) =>
        Assert.Null(EmbedOrigin.Normalize(input, allowLoopbackHttp: true));

    [Theory]
    [InlineData("http://127.0.0.1:8123")]
    [InlineData("http://localhost:8123")]
    [InlineData("http://[::1]:8123")]
    public void Http_on_a_loopback_host_needs_the_test_setting(string origin)
    {
        Assert.Null(EmbedOrigin.Normalize(origin, allowLoopbackHttp: false));
        Assert.Equal(origin, EmbedOrigin.Normalize(origin, allowLoopbackHttp: true));
    }

    [Fact]
    public void Http_on_any_other_host_stays_refused_with_the_test_setting() =>
        Assert.Null(EmbedOrigin.Normalize("http://10.0.0.1:8123", allowLoopbackHttp: true));
}

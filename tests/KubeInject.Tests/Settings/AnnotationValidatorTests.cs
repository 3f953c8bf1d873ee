using KubeInject.Versions;
using KubeInject.Diagnostics;
using KubeInject.Settings;

namespace KubeInject.Tests.Settings;

public class AnnotationValidatorTests
{
    private static readonly AnnotationValidationOptions V123 = new();

    private static string? Detail(string key, string value, AnnotationValidationOptions? options = null)
    {
        var messages = AnnotationValidator.Validate([new(key, value)], options ?? V123);
        if (messages.Count == 0) return null;
        string prefix = $"invalid value '{value}' for annotation '{key}': ";
        Assert.StartsWith(prefix, messages[0]);
        return messages[0][prefix.Length..];
    }

    [Theory]
    // The four expected-error cases of the 1.23.0 corpus (traffic-annotations-bad-*).
    [InlineData("traffic.sidecar.istio.io/includeOutboundIPRanges", "bad", "includeIPRanges invalid: failed parsing cidr 'bad': netip.ParsePrefix(\"bad\"): no '/'")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "*", "excludeIPRanges invalid: failed parsing cidr '*': netip.ParsePrefix(\"*\"): no '/'")]
    [InlineData("traffic.sidecar.istio.io/includeInboundPorts", "bad", "includeInboundPorts invalid: failed parsing port 'bad': failed parsing port 'bad': strconv.ParseUint: parsing \"bad\": invalid syntax")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundPorts", "bad", "excludeOutboundPorts invalid: failed parsing port 'bad': failed parsing port 'bad': strconv.ParseUint: parsing \"bad\": invalid syntax")]
    public void Corpus_expected_error_cases_give_istios_messages(string key, string value, string detail)
    {
        Assert.Equal(detail, Detail(key, value));
    }

    [Theory]
    [InlineData("traffic-annotations-bad-includeipranges", "traffic.sidecar.istio.io/includeOutboundIPRanges", "bad", "includeipranges")]
    [InlineData("traffic-annotations-bad-excludeipranges", "traffic.sidecar.istio.io/excludeOutboundIPRanges", "*", "excludeipranges")]
    [InlineData("traffic-annotations-bad-includeinboundports", "traffic.sidecar.istio.io/includeInboundPorts", "bad", "includeinboundports")]
    [InlineData("traffic-annotations-bad-excludeoutboundports", "traffic.sidecar.istio.io/excludeOutboundPorts", "bad", "excludeoutboundports")]
    public void Corpus_expected_error_substrings_appear_in_the_error_text(string caseId, string key, string value, string substring)
    {
        var text = AnnotationValidator.FormatError(AnnotationValidator.Validate([new(key, value)], V123));
        Assert.True(text.Contains(substring, StringComparison.OrdinalIgnoreCase), caseId);
    }

    [Theory]
    [InlineData("sidecar.istio.io/interceptionMode", "REDIRECT", null)]
    [InlineData("sidecar.istio.io/interceptionMode", "NONE", null)]
    [InlineData("sidecar.istio.io/interceptionMode", "redirect", "interceptionMode invalid, use REDIRECT,TPROXY,NONE: redirect")]
    [InlineData("sidecar.istio.io/enableCoreDump", "T", null)]
    [InlineData("sidecar.istio.io/enableCoreDump", "yes", "strconv.ParseBool: parsing \"yes\": invalid syntax")]
    [InlineData("prometheus.istio.io/merge-metrics", "0", null)]
    [InlineData("prometheus.istio.io/merge-metrics", "", "strconv.ParseBool: parsing \"\": invalid syntax")]
    [InlineData("status.sidecar.istio.io/port", " 15020 ", null)]
    [InlineData("status.sidecar.istio.io/port", "70000", "excludeInboundPorts invalid: failed parsing port '70000': strconv.ParseUint: parsing \"70000\": value out of range")]
    [InlineData("status.sidecar.istio.io/port", "x1", "excludeInboundPorts invalid: failed parsing port 'x1': strconv.ParseUint: parsing \"x1\": invalid syntax")]
    [InlineData("readiness.status.sidecar.istio.io/initialDelaySeconds", "10", null)]
    [InlineData("readiness.status.sidecar.istio.io/periodSeconds", "-1", "strconv.ParseUint: parsing \"-1\": invalid syntax")]
    [InlineData("readiness.status.sidecar.istio.io/failureThreshold", "4294967296", "strconv.ParseUint: parsing \"4294967296\": value out of range")]
    [InlineData("readiness.status.sidecar.istio.io/failureThreshold", " 3", "strconv.ParseUint: parsing \" 3\": invalid syntax")]
    [InlineData("traffic.sidecar.istio.io/includeOutboundIPRanges", "*", null)]
    [InlineData("traffic.sidecar.istio.io/includeOutboundIPRanges", "", null)]
    [InlineData("traffic.sidecar.istio.io/includeOutboundIPRanges", "127.0.0.1/24,10.96.0.1/24", null)]
    [InlineData("traffic.sidecar.istio.io/includeOutboundIPRanges", "2001:db8::/32,::/0", null)]
    [InlineData("traffic.sidecar.istio.io/includeOutboundIPRanges", "1.1.1.1", "includeIPRanges invalid: failed parsing cidr '1.1.1.1': netip.ParsePrefix(\"1.1.1.1\"): no '/'")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "10.0.0.0/8, 10.1.0.0/16", "excludeIPRanges invalid: failed parsing cidr ' 10.1.0.0/16': netip.ParsePrefix(\" 10.1.0.0/16\"): ParseAddr(\" 10.1.0.0\"): unexpected character (at \" 10.1.0.0\")")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "10.0.0.0/33", "excludeIPRanges invalid: failed parsing cidr '10.0.0.0/33': netip.ParsePrefix(\"10.0.0.0/33\"): prefix length out of range")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "10.0.0.0/08", "excludeIPRanges invalid: failed parsing cidr '10.0.0.0/08': netip.ParsePrefix(\"10.0.0.0/08\"): bad bits after slash: \"08\"")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "256.0.0.0/8", "excludeIPRanges invalid: failed parsing cidr '256.0.0.0/8': netip.ParsePrefix(\"256.0.0.0/8\"): ParseAddr(\"256.0.0.0\"): IPv4 field has value >255")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "10.0.0/8", "excludeIPRanges invalid: failed parsing cidr '10.0.0/8': netip.ParsePrefix(\"10.0.0/8\"): ParseAddr(\"10.0.0\"): IPv4 address too short")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "::1/129", "excludeIPRanges invalid: failed parsing cidr '::1/129': netip.ParsePrefix(\"::1/129\"): prefix length out of range")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "fe80::1%eth0/64", "excludeIPRanges invalid: failed parsing cidr 'fe80::1%eth0/64': netip.ParsePrefix(\"fe80::1%eth0/64\"): IPv6 zones cannot be present in a prefix")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "1::2::3/64", "excludeIPRanges invalid: failed parsing cidr '1::2::3/64': netip.ParsePrefix(\"1::2::3/64\"): ParseAddr(\"1::2::3\"): multiple :: in address (at \":3\")")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundIPRanges", "abc/8", "excludeIPRanges invalid: failed parsing cidr 'abc/8': netip.ParsePrefix(\"abc/8\"): ParseAddr(\"abc\"): unable to parse IP")]
    [InlineData("traffic.sidecar.istio.io/includeInboundPorts", "*", null)]
    [InlineData("traffic.sidecar.istio.io/includeInboundPorts", "  ", null)]
    [InlineData("traffic.sidecar.istio.io/includeInboundPorts", "80, 81", null)]
    [InlineData("traffic.sidecar.istio.io/excludeInboundPorts", "80,,81", "excludeInboundPorts invalid: failed parsing port '': failed parsing port '': strconv.ParseUint: parsing \"\": invalid syntax")]
    [InlineData("traffic.sidecar.istio.io/excludeInboundPorts", "*", "excludeInboundPorts invalid: failed parsing port '*': failed parsing port '*': strconv.ParseUint: parsing \"*\": invalid syntax")]
    [InlineData("traffic.sidecar.istio.io/excludeOutboundPorts", "65536", "excludeOutboundPorts invalid: failed parsing port '65536': failed parsing port '65536': strconv.ParseUint: parsing \"65536\": value out of range")]
    [InlineData("traffic.sidecar.istio.io/includeOutboundPorts", "bad", null)]
    [InlineData("sidecar.istio.io/proxyCPU", "lots", null)]
    public void Each_rule_gives_istios_exact_detail(string key, string value, string? detail)
    {
        Assert.Equal(detail, Detail(key, value));
    }

    [Theory]
    [InlineData("discoveryAddress: foo:123", null)]
    [InlineData("discoveryAddress: foo", "1 error occurred:\n\t* invalid discovery address: unable to split \"foo\": address foo: missing port in address\n\n")]
    [InlineData("discoveryAddress: foo:bar", "1 error occurred:\n\t* invalid discovery address: port (bar) is not a number: strconv.Atoi: parsing \"bar\": invalid syntax\n\n")]
    [InlineData("discoveryAddress: foo:0", "1 error occurred:\n\t* invalid discovery address: port number 0 must be in the range 1..65535\n\n")]
    [InlineData("discoveryAddress: Foo_Bar:80", "1 error occurred:\n\t* invalid discovery address: \"Foo_Bar\" is not a valid hostname or an IP address\n\n")]
    [InlineData("discoveryAddress: 10.0.0.1:80", null)]
    [InlineData("discoveryAddress: '[::1]:80'", null)]
    [InlineData("drainDuration: 0s", "1 error occurred:\n\t* invalid drain duration: duration must be greater than 1ms\n\n")]
    [InlineData("drainDuration: 1.5s", "1 error occurred:\n\t* drain time only supports durations to seconds precision\n\n")]
    [InlineData("proxyAdminPort: 0\nstatusPort: 70000", "2 errors occurred:\n\t* invalid proxy admin port: port number 0 must be in the range 1..65535\n\t* invalid status port: port number 70000 must be in the range 1..65535\n\n")]
    [InlineData("serviceCluster: ''", "1 error occurred:\n\t* service cluster must be specified\n\n")]
    [InlineData("configPath: ''", "1 error occurred:\n\t* config path must be set\n\n")]
    [InlineData("controlPlaneAuthPolicy: INHERIT", "1 error occurred:\n\t* invalid authentication policy: unrecognized control plane auth policy \"INHERIT\"\n\n")]
    [InlineData("tracing:\n  zipkin:\n    address: $(HOST_IP):9411", null)]
    [InlineData("tracing:\n  zipkin:\n    address: zipkin", "1 error occurred:\n\t* invalid zipkin config: unable to split \"zipkin\": address zipkin: missing port in address\n\n")]
    [InlineData("statusPort: abc", "failed to convert to apply proxy config: invalid value for int32 field statusPort: \"abc\"")]
    [InlineData("{ \"holdApplicationUntilProxyStarts\": true }", null)]
    public void Proxy_config_annotation_is_parsed_and_validated_against_the_default_proxy_config(string value, string? detail)
    {
        Assert.Equal(detail, Detail("proxy.istio.io/config", value));
    }

    [Fact]
    public void Formatter_produces_the_multierror_text_kube_inject_prints()
    {
        Assert.Equal("failed to run injection template: 1 error occurred:\n\t* a\n\n", AnnotationValidator.FormatError(["a"]));
        Assert.Equal("failed to run injection template: 2 errors occurred:\n\t* a\n\t* b\n\n", AnnotationValidator.FormatError(["a", "b"]));
    }

    [Fact]
    public void All_failing_annotations_are_reported_in_annotation_order()
    {
        var messages = AnnotationValidator.Validate(
            [new("sidecar.istio.io/interceptionMode", "X"), new("app", "whatever"), new("prometheus.istio.io/merge-metrics", "no")], V123);
        Assert.Equal(2, messages.Count);
        Assert.Contains("interceptionMode", messages[0]);
        Assert.Contains("merge-metrics", messages[1]);
    }

    [Fact]
    public void Throw_if_invalid_raises_with_the_formatted_text()
    {
        var e = Assert.Throws<KubeInjectException>(() =>
            AnnotationValidator.ThrowIfInvalid([new("traffic.sidecar.istio.io/includeInboundPorts", "bad")], V123));
        Assert.StartsWith("failed to run injection template: 1 error occurred:\n\t* invalid value 'bad'", e.Message);
    }

    [Fact]
    public void Version_knobs_switch_core_dump_and_resource_checks()
    {
        var v129 = new AnnotationValidationOptions { ValidateEnableCoreDump = false, ValidateResourceAnnotations = true };
        Assert.Null(Detail("sidecar.istio.io/enableCoreDump", "maybe", v129));
        Assert.Null(Detail("sidecar.istio.io/proxyCPU", "100m", v129));
        Assert.Null(Detail("sidecar.istio.io/proxyMemory", "1Gi", v129));
        Assert.Equal("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            Detail("sidecar.istio.io/proxyCPULimit", "lots", v129));
        Assert.Equal("value contains control characters", Detail("sidecar.istio.io/proxyMemoryLimit", "1Gi\n", v129));
    }

    [Fact]
    public void Options_follow_the_version_profile()
    {
        var options = AnnotationValidationOptions.For(IstioVersions.Bundled.Resolve("1.23"));
        Assert.True(options.ValidateEnableCoreDump);
        Assert.False(options.ValidateResourceAnnotations);
    }
}

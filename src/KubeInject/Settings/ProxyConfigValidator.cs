using System.Text.RegularExpressions;
using KubeInject.Go;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Istio's <c>agent.ValidateMeshConfigProxyConfig</c> over a normalised ProxyConfig tree: the flat list of
/// error texts its multierror holds, in Istio's check order.
/// </summary>
internal static partial class ProxyConfigValidator
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    /// <summary>The errors, empty when valid.</summary>
    public static List<string> Validate(YMapping pc)
    {
        var errs = new List<string>();
        if (Str(pc, "configPath") == "") errs.Add("config path must be set");
        if (Str(pc, "binaryPath") == "") errs.Add("binary path must be set");
        if (pc["serviceCluster"] is YScalar sc)
        {
            if (sc.Value == "") errs.Add("service cluster must be specified");
        }
        else if (pc["tracingServiceName"] is null) errs.Add("oneof service cluster or tracing service name must be specified");

        if (pc["drainDuration"] is YScalar dd) errs.AddRange(DrainDurationErrors(Nanos(dd.Value)));
        else errs.AddRange(DrainDurationErrors(0));

        string discovery = Str(pc, "discoveryAddress");
        if (discovery == "") errs.Add("discovery address must be set to the proxy discovery service");
        else if (ProxyAddressError(discovery) is { } e) errs.Add("invalid discovery address: " + e);

        if (pc["tracing"] is YMapping tracing)
        {
            if (tracing["lightstep"] is YMapping ls)
            {
                var lsErrs = new List<string>();
                string addr = Str(ls, "address");
                if (addr == "") lsErrs.Add("address is required");
                if (ProxyAddressError(addr) is { } le) lsErrs.Add("invalid lightstep address: " + le);
                if (Str(ls, "accessToken") == "") lsErrs.Add("access token is required");
                // multierror.Prefix prefixes each wrapped error and Append flattens them.
                errs.AddRange(lsErrs.Select(x => "invalid lightstep config: " + x));
            }
            if (tracing["zipkin"] is YMapping zipkin && ProxyAddressError(ReplaceHostIp(Str(zipkin, "address"))) is { } ze)
                errs.Add("invalid zipkin config: " + ze);
            if (tracing["datadog"] is YMapping datadog && ProxyAddressError(ReplaceHostIp(Str(datadog, "address"))) is { } de)
                errs.Add("invalid datadog config: " + de);
            if (tracing["customTags"] is YMapping tags)
                foreach (var t in tags.Entries)
                    if (t.Value is YScalar { Kind: ScalarKind.Null })
                    {
                        errs.Add("invalid tracing custom tags: encountered nil value for custom tag: " + t.Name);
                        break;
                    }
        }

        string statsd = Str(pc, "statsdUdpAddress");
        if (statsd != "" && ProxyAddressError(statsd) is { } se) errs.Add($"invalid statsd udp address {Strconv.Quote(statsd)}: {se}");
        string ems = Str(pc, "envoyMetricsServiceAddress");
        if (ems != "" && ProxyAddressError(ems) is { } me) errs.Add($"invalid envoy metrics service address {Strconv.Quote(ems)}: {me}");
        if (pc["envoyMetricsService"] is YMapping ms && Str(ms, "address") is { Length: > 0 } msa && ProxyAddressError(msa) is { } mse)
            errs.Add($"invalid envoy metrics service address {Strconv.Quote(msa)}: {mse}");
        if (pc["envoyAccessLogService"] is YMapping als && Str(als, "address") is { Length: > 0 } alsa && ProxyAddressError(alsa) is { } alse)
            errs.Add($"invalid envoy access log service address {Strconv.Quote(alsa)}: {alse}");

        if (PortError(Int(pc, "proxyAdminPort")) is { } pe) errs.Add("invalid proxy admin port: " + pe);
        string policy = Str(pc, "controlPlaneAuthPolicy");
        if (policy is not ("" or "NONE" or "MUTUAL_TLS"))
            errs.Add($"invalid authentication policy: unrecognized control plane auth policy {Strconv.Quote(policy)}");
        if (PortError(Int(pc, "statusPort")) is { } spe) errs.Add("invalid status port: " + spe);

        if (pc["privateKeyProvider"] is YMapping pkp)
        {
            var pErrs = new List<string>();
            var provider = pkp["cryptomb"] as YMapping ?? pkp["qat"] as YMapping;
            if (provider is null) pErrs.Add("private key provider configuration is required");
            else if (provider["pollDelay"] is not YScalar delay) pErrs.Add("pollDelay is required");
            else if (Nanos(delay.Value) == 0) pErrs.Add("pollDelay must be non zero");
            errs.AddRange(pErrs.Select(x => "invalid private key provider configuration: " + x));
        }
        return errs;
    }

    /// <summary><c>ValidateProxyAddress</c>: null when <c>host:port</c> is well formed, else Istio's text.</summary>
    public static string? ProxyAddressError(string hostAddr)
    {
        if (Netip.SplitHostPort(hostAddr, out var host, out var p) is { } splitError)
            return $"unable to split {Strconv.Quote(hostAddr)}: {splitError}";
        var port = Strconv.Atoi(p, out var atoiError);
        if (port is null) return $"port ({p}) is not a number: {atoiError}";
        if (PortError(port.Value) is { } pe) return pe;
        if (FqdnError(host) is not null && Netip.ParseAddrError(host) is not null)
            return $"{Strconv.Quote(host)} is not a valid hostname or an IP address";
        return null;
    }

    /// <summary><c>ValidatePort</c>.</summary>
    public static string? PortError(long port) => port is >= 1 and <= 65535 ? null : $"port number {port} must be in the range 1..65535";

    private static IEnumerable<string> DrainDurationErrors(long nanos)
    {
        const long ms = 1_000_000;
        if (nanos < ms) { yield return "invalid drain duration: duration must be greater than 1ms"; yield break; }
        if (nanos % ms != 0) { yield return "invalid drain duration: only durations to ms precision are supported"; yield break; }
        if (nanos % 1_000_000_000 != 0) yield return "drain time only supports durations to seconds precision";
    }

    private static string? FqdnError(string name)
    {
        if (name.Length > 255) return "too long";
        if (name.Length == 0) return "empty";
        var parts = name.Split('.');
        if (int.TryParse(parts[^1], out _)) return "numeric tld";
        for (int i = 0; i < parts.Length; i++)
        {
            if (i == parts.Length - 1 && parts[i] == "") return null;
            if (parts[i].Length > 63 || !Dns1123Label().IsMatch(parts[i])) return "bad label";
        }
        return null;
    }

    private static string ReplaceHostIp(string address)
    {
        int i = address.IndexOf("$(HOST_IP)", StringComparison.Ordinal);
        return i < 0 ? address : address[..i] + "127.0.0.1" + address[(i + "$(HOST_IP)".Length)..];
    }

    private static long Nanos(string protoDuration) => Time.ParseDuration(protoDuration, out _) ?? 0;

    private static string Str(YMapping m, string key) => (m[key] as YScalar)?.Value ?? "";

    private static long Int(YMapping m, string key) => (m[key] as YScalar)?.ToValue() is long l ? l : 0;
}

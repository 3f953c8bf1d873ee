using System.Text.RegularExpressions;
using KubeInject.Diagnostics;
using KubeInject.Go;
using KubeInject.Go.Protojson;

namespace KubeInject.Settings;

/// <summary>
/// Istio's <c>validateAnnotations</c> (§7): checks the pod annotations that have validators and returns one
/// message per failing annotation, worded exactly like Istio's
/// (<c>invalid value '&lt;v&gt;' for annotation '&lt;k&gt;': &lt;detail&gt;</c>).
/// </summary>
internal static partial class AnnotationValidator
{
    private static readonly string[] ResourceAnnotations =
        ["sidecar.istio.io/proxyCPU", "sidecar.istio.io/proxyMemory", "sidecar.istio.io/proxyCPULimit", "sidecar.istio.io/proxyMemoryLimit"];

    [GeneratedRegex("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")]
    private static partial Regex QuantityPattern();

    /// <summary>
    /// The failure messages, in annotation order (Istio iterates a Go map, so its order is arbitrary; ours is
    /// deterministic).
    /// </summary>
    public static IReadOnlyList<string> Validate(IEnumerable<KeyValuePair<string, string>> annotations, AnnotationValidationOptions options)
    {
        var messages = new List<string>();
        foreach (var (key, value) in annotations)
        {
            var detail = Check(key, value, options);
            if (detail is not null) messages.Add($"invalid value '{value}' for annotation '{key}': {detail}");
        }
        return messages;
    }

    /// <summary>
    /// The error text kube-inject prints for failed validation:
    /// <c>failed to run injection template: 1 error occurred:\n\t* ...\n\n</c>.
    /// </summary>
    public static string FormatError(IReadOnlyList<string> messages) =>
        "failed to run injection template: " + MultiError.Format(messages);

    /// <summary>Throws <see cref="KubeInjectException"/> with <see cref="FormatError"/> when any message is returned.</summary>
    public static void ThrowIfInvalid(IEnumerable<KeyValuePair<string, string>> annotations, AnnotationValidationOptions options, SourceLocation? location = null)
    {
        var messages = Validate(annotations, options);
        if (messages.Count > 0) throw new KubeInjectException(FormatError(messages), location);
    }

    /// <summary>The detail for one annotation, or null when it is valid or not validated.</summary>
    public static string? Check(string key, string value, AnnotationValidationOptions options)
    {
        switch (key)
        {
            case "sidecar.istio.io/interceptionMode":
                return value is "REDIRECT" or "TPROXY" or "NONE" ? null : $"interceptionMode invalid, use REDIRECT,TPROXY,NONE: {value}";
            case "sidecar.istio.io/enableCoreDump":
                return options.ValidateEnableCoreDump ? Strconv.ParseBoolError(value) : null;
            case "prometheus.istio.io/merge-metrics":
                return Strconv.ParseBoolError(value);
            case "status.sidecar.istio.io/port":
                // Istio reuses the excludeInboundPorts wording here.
                return ParsePortError(value) is { } pe ? "excludeInboundPorts invalid: " + pe : null;
            case "readiness.status.sidecar.istio.io/initialDelaySeconds":
            case "readiness.status.sidecar.istio.io/periodSeconds":
            case "readiness.status.sidecar.istio.io/failureThreshold":
                return Strconv.ParseUintError(value, 32);
            case "traffic.sidecar.istio.io/includeOutboundIPRanges":
                return value == "*" ? null : CidrListError(value) is { } ie ? "includeIPRanges invalid: " + ie : null;
            case "traffic.sidecar.istio.io/excludeOutboundIPRanges":
                return CidrListError(value) is { } ee ? "excludeIPRanges invalid: " + ee : null;
            case "traffic.sidecar.istio.io/includeInboundPorts":
                return value == "*" ? null : PortListError("includeInboundPorts", value);
            case "traffic.sidecar.istio.io/excludeInboundPorts":
                return PortListError("excludeInboundPorts", value);
            case "traffic.sidecar.istio.io/excludeOutboundPorts":
                return PortListError("excludeOutboundPorts", value);
            case ProxyConfigOverlay.AnnotationName:
                return ProxyConfigError(value);
        }
        if (options.ValidateResourceAnnotations && ResourceAnnotations.Contains(key)) return QuantityError(value);
        return null;
    }

    // validateProxyConfig: applied onto DefaultProxyConfig (not the mesh's), then ValidateMeshConfigProxyConfig.
    private static string? ProxyConfigError(string value)
    {
        var config = MeshConfigDefaults.ProxyConfig();
        try
        {
            var parsed = ProtoJsonReader.ReadMessage(ProxyConfigMerge.ParseYaml(value), ProtoSchemas.ProxyConfig);
            foreach (var e in parsed.Entries)
                ProtoJsonReader.SetField(config, ProtoSchemas.ProxyConfig.Find(e.Name)!, ProtoSchemas.ProxyConfig, e.Value);
        }
        catch (ProtoJsonException e)
        {
            return "failed to convert to apply proxy config: " + e.Message;
        }
        var errors = ProxyConfigValidator.Validate(config);
        return errors.Count == 0 ? null : MultiError.Format(errors);
    }

    private static string? CidrListError(string cidrs)
    {
        if (cidrs.Length == 0) return null;
        foreach (var cidr in cidrs.Split(','))
            if (Netip.ParsePrefixError(cidr) is { } e) return $"failed parsing cidr '{cidr}': {e}";
        return null;
    }

    private static string? ParsePortError(string port) =>
        Strconv.ParseUintError(port.Trim(GoSpace), 16) is { } e ? $"failed parsing port '{port}': {e}" : null;

    // parsePorts trims the whole list, splits on ',' and wraps each port error a second time.
    private static string? PortListError(string name, string ports)
    {
        string trimmed = ports.Trim(GoSpace);
        if (trimmed.Length == 0) return null;
        foreach (var p in trimmed.Split(','))
            if (ParsePortError(p) is { } e) return $"{name} invalid: failed parsing port '{p}': {e}";
        return null;
    }

    // strings.TrimSpace's ASCII set (plus the Unicode spaces .NET also trims, which Go trims too).
    private static readonly char[] GoSpace = [' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00a0'];

    private static string? QuantityError(string value)
    {
        if (value.Any(c => c < 0x20 || c == 0x7f)) return "value contains control characters";
        var m = QuantityPattern().Match(value);
        if (!m.Success) return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        string num = m.Groups[1].Value.TrimStart('+', '-');
        if (num.Count(c => c == '.') > 1 || num == ".") return "unable to parse numeric part of quantity";
        string suffix = m.Groups[2].Value;
        bool okSuffix = suffix is "" or "n" or "u" or "m" or "k" or "M" or "G" or "T" or "P" or "E" or "Ki" or "Mi" or "Gi" or "Ti" or "Pi" or "Ei"
            || (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], out _));
        return okSuffix ? null : "unable to parse quantity's suffix";
    }
}

using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// One entry of <c>ISTIO_KUBE_APP_PROBERS</c> (Istio's <c>Prober</c>): the app's original probe handler, which the
/// agent calls on the kubelet's behalf, and its timeout.
/// </summary>
/// <param name="Handler"><c>httpGet</c>, <c>tcpSocket</c> or <c>grpc</c>.</param>
/// <param name="Action">The handler's fields (port already resolved to a number where Istio resolves it).</param>
/// <param name="TimeoutSeconds">The probe's <c>timeoutSeconds</c>; 0 is left out of the JSON.</param>
internal sealed record AppProber(string Handler, YMapping Action, long TimeoutSeconds)
{
    /// <summary>The handler kinds Istio takes over, in the order it checks them.</summary>
    public static readonly string[] Handlers = ["httpGet", "tcpSocket", "grpc"];

    /// <summary>The prober for a probe or lifecycle handler mapping, or null when it has none Istio handles (exec, sleep).</summary>
    public static AppProber? From(YMapping? probe, bool withTimeout = true)
    {
        if (probe is null) return null;
        foreach (var h in Handlers)
        {
            if (probe[h] is not YMapping action) continue;
            long timeout = withTimeout && (probe["timeoutSeconds"] as YScalar)?.ToValue() is long t ? t : 0;
            return new AppProber(h, action, timeout);
        }
        return null;
    }

    /// <summary>Writes the entry as Go marshals the <c>Prober</c> struct.</summary>
    public void Write(JsonWriter json)
    {
        json.BeginObject();
        if (Handler.Length == 0)
        {
            if (TimeoutSeconds != 0) json.Key("timeoutSeconds").Number(TimeoutSeconds);
            json.EndObject();
            return;
        }
        json.Key(Handler).BeginObject();
        switch (Handler)
        {
            case "httpGet":
                OptionalString(json, "path");
                Port(json);
                OptionalString(json, "host");
                OptionalString(json, "scheme");
                if (Action["httpHeaders"] is YSequence { Count: > 0 } headers)
                {
                    json.Key("httpHeaders").BeginArray();
                    foreach (var h in headers.Items)
                    {
                        var m = h as YMapping;
                        json.BeginObject()
                            .Key("name").String(PodTree.StringValue(m, "name") ?? "")
                            .Key("value").String(PodTree.StringValue(m, "value") ?? "")
                            .EndObject();
                    }
                    json.EndArray();
                }
                break;
            case "tcpSocket":
                Port(json);
                OptionalString(json, "host");
                break;
            default:
                json.Key("port").Raw((Action["port"] as YScalar)?.ToValue() is long p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0");
                // GRPCAction.service is a pointer without omitempty: unset means null.
                if (PodTree.StringValue(Action, "service") is { } service && !PodTree.IsNull(Action["service"])) json.Key("service").String(service);
                else json.Key("service").Null();
                break;
        }
        json.EndObject();
        if (TimeoutSeconds != 0) json.Key("timeoutSeconds").Number(TimeoutSeconds);
        json.EndObject();
    }

    private void OptionalString(JsonWriter json, string key)
    {
        var v = PodTree.StringValue(Action, key);
        if (!string.IsNullOrEmpty(v)) json.Key(key).String(v);
    }

    // IntOrString keeps its kind: a number stays a number, a name stays a string.
    private void Port(JsonWriter json)
    {
        json.Key("port");
        if (Action["port"] is YScalar { Kind: ScalarKind.Int } i) json.Raw(Fmt.Sprint(i.ToValue()));
        else if (Action["port"] is YScalar s && !PodTree.IsNull(s)) json.String(s.AsGoString());
        else json.Number(0);
    }
}

using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Go's <c>json.Marshal</c> of a <c>corev1.Container</c> given as a YAML mapping: fields in the Go struct order,
/// <c>omitempty</c> and pointer rules applied, unknown fields dropped (Go's typed decode drops them). Used for the
/// <c>proxy.istio.io/overrides</c> annotation, whose text Istio compares on re-injection.
/// </summary>
internal static class ContainerJson
{
    private enum Kind { Str, Int, Bool, IntOrStr, StrList, StrMap, Obj, List }

    // Never: always written (zero value when absent). Empty: omitempty on a value field. Nil: omitempty on a pointer.
    // NullIfAbsent: pointer without omitempty (GRPCAction.service).
    private enum Omit { Never, Empty, Nil, NullIfAbsent }

    private sealed record Field(string Name, Kind Kind, Omit Omit, Field[]? Type = null, string? Zero = null);

    private static Field S(string n, Omit o = Omit.Empty) => new(n, Kind.Str, o);
    private static Field I(string n, Omit o = Omit.Empty) => new(n, Kind.Int, o);
    private static Field B(string n, Omit o = Omit.Empty) => new(n, Kind.Bool, o);
    private static Field O(string n, Field[] t, Omit o = Omit.Nil) => new(n, Kind.Obj, o, t);
    private static Field L(string n, Field[] t) => new(n, Kind.List, Omit.Empty, t);

    private static readonly Field[] ExecAction = [new("command", Kind.StrList, Omit.Empty)];
    private static readonly Field[] HttpHeader = [S("name", Omit.Never), S("value", Omit.Never)];
    private static readonly Field[] HttpGetAction =
        [S("path"), new("port", Kind.IntOrStr, Omit.Never), S("host"), S("scheme"), L("httpHeaders", HttpHeader)];
    private static readonly Field[] TcpSocketAction = [new("port", Kind.IntOrStr, Omit.Never), S("host")];
    private static readonly Field[] GrpcAction = [I("port", Omit.Never), S("service", Omit.NullIfAbsent)];
    private static readonly Field[] SleepAction = [I("seconds", Omit.Never)];
    private static readonly Field[] Probe =
    [
        O("exec", ExecAction), O("httpGet", HttpGetAction), O("tcpSocket", TcpSocketAction), O("grpc", GrpcAction),
        I("initialDelaySeconds"), I("timeoutSeconds"), I("periodSeconds"), I("successThreshold"), I("failureThreshold"),
        I("terminationGracePeriodSeconds", Omit.Nil),
    ];
    private static readonly Field[] LifecycleHandler =
        [O("exec", ExecAction), O("httpGet", HttpGetAction), O("tcpSocket", TcpSocketAction), O("sleep", SleepAction)];
    private static readonly Field[] Lifecycle = [O("postStart", LifecycleHandler), O("preStop", LifecycleHandler), S("stopSignal", Omit.Nil)];
    private static readonly Field[] ContainerPort =
        [S("name"), I("hostPort"), I("containerPort", Omit.Never), S("protocol"), S("hostIP")];
    private static readonly Field[] OptionalRef = [S("name"), B("optional", Omit.Nil)];
    private static readonly Field[] EnvFromSource = [S("prefix"), O("configMapRef", OptionalRef), O("secretRef", OptionalRef)];
    private static readonly Field[] KeySelector = [S("name"), S("key", Omit.Never), B("optional", Omit.Nil)];
    private static readonly Field[] EnvVarSource =
    [
        O("fieldRef", [S("apiVersion"), S("fieldPath", Omit.Never)]),
        O("resourceFieldRef", [S("containerName"), S("resource", Omit.Never), new("divisor", Kind.Str, Omit.Never, Zero: "0")]),
        O("configMapKeyRef", KeySelector),
        O("secretKeyRef", KeySelector),
    ];
    private static readonly Field[] EnvVar = [S("name", Omit.Never), S("value"), O("valueFrom", EnvVarSource)];
    private static readonly Field[] Resources =
        [new("limits", Kind.StrMap, Omit.Empty), new("requests", Kind.StrMap, Omit.Empty), L("claims", [S("name", Omit.Never), S("request")])];
    private static readonly Field[] ResizePolicy = [S("resourceName", Omit.Never), S("restartPolicy", Omit.Never)];
    private static readonly Field[] VolumeMount =
        [S("name", Omit.Never), B("readOnly"), S("recursiveReadOnly", Omit.Nil), S("mountPath", Omit.Never), S("subPath"), S("mountPropagation", Omit.Nil), S("subPathExpr")];
    private static readonly Field[] VolumeDevice = [S("name", Omit.Never), S("devicePath", Omit.Never)];
    private static readonly Field[] Profile = [S("type", Omit.Never), S("localhostProfile", Omit.Nil)];
    private static readonly Field[] SecurityContext =
    [
        O("capabilities", [new("add", Kind.StrList, Omit.Empty), new("drop", Kind.StrList, Omit.Empty)]),
        B("privileged", Omit.Nil),
        O("seLinuxOptions", [S("user"), S("role"), S("type"), S("level")]),
        O("windowsOptions", [S("gmsaCredentialSpecName", Omit.Nil), S("gmsaCredentialSpec", Omit.Nil), S("runAsUserName", Omit.Nil), B("hostProcess", Omit.Nil)]),
        I("runAsUser", Omit.Nil), I("runAsGroup", Omit.Nil), B("runAsNonRoot", Omit.Nil), B("readOnlyRootFilesystem", Omit.Nil),
        B("allowPrivilegeEscalation", Omit.Nil), S("procMount", Omit.Nil), O("seccompProfile", Profile), O("appArmorProfile", Profile),
    ];
    private static readonly Field[] Container =
    [
        S("name", Omit.Never), S("image"), new("command", Kind.StrList, Omit.Empty), new("args", Kind.StrList, Omit.Empty), S("workingDir"),
        L("ports", ContainerPort), L("envFrom", EnvFromSource), L("env", EnvVar), O("resources", Resources, Omit.Never),
        L("resizePolicy", ResizePolicy), S("restartPolicy", Omit.Nil), L("volumeMounts", VolumeMount), L("volumeDevices", VolumeDevice),
        O("livenessProbe", Probe), O("readinessProbe", Probe), O("startupProbe", Probe), O("lifecycle", Lifecycle),
        S("terminationMessagePath"), S("terminationMessagePolicy"), S("imagePullPolicy"), O("securityContext", SecurityContext),
        B("stdin"), B("stdinOnce"), B("tty"),
    ];

    /// <summary>
    /// The first field of <paramref name="container"/> (nested ones too) that a Kubernetes container does not have, or
    /// whose value has the wrong type (<c>runAsGroup: 43&gt;-21</c>), as "path problem"; null when there is none. Go's
    /// typed decode drops or refuses such a field, so <c>proxy.istio.io/overrides</c> cannot record it.
    /// </summary>
    public static string? FirstInvalidField(YMapping container) => Invalid(container, Container, "");

    private static string? Invalid(YMapping map, Field[] fields, string path)
    {
        foreach (var e in map.Entries)
        {
            string at = path.Length == 0 ? e.Name : $"{path}.{e.Name}";
            var f = Array.Find(fields, x => x.Name == e.Name);
            if (f is null) return $"{at} is not a field of a Kubernetes container";
            var v = e.Value;
            if (PodTree.IsNull(v)) continue;
            string? expected = f.Kind switch
            {
                Kind.Int when v is not YScalar { Kind: ScalarKind.Int } => "an integer",
                Kind.Bool when v is not YScalar { Kind: ScalarKind.Bool } => "true or false",
                Kind.Str or Kind.IntOrStr when v is not YScalar => "a string",
                Kind.StrList when v is not YSequence || ((YSequence)v).Items.Any(i => i is not YScalar) => "a list of strings",
                Kind.StrMap when v is not YMapping || ((YMapping)v).Entries.Any(i => i.Value is not YScalar) => "a mapping of strings",
                Kind.Obj when v is not YMapping => "a mapping",
                Kind.List when v is not YSequence || ((YSequence)v).Items.Any(i => i is not YMapping) => "a list of mappings",
                _ => null,
            };
            if (expected is not null) return $"{at} must be {expected}";
            if (f.Kind == Kind.Obj && Invalid((YMapping)v, f.Type!, at) is { } inObject) return inObject;
            if (f.Kind == Kind.List)
            {
                var items = ((YSequence)v).Items;
                for (int i = 0; i < items.Count; i++)
                    if (Invalid((YMapping)items[i], f.Type!, $"{at}[{i}]") is { } inItem) return inItem;
            }
        }
        return null;
    }

    /// <summary>Writes one container object.</summary>
    public static void Write(JsonWriter json, YMapping container) => WriteObject(json, container, Container);

    private static void WriteObject(JsonWriter json, YMapping? map, Field[] fields)
    {
        json.BeginObject();
        foreach (var f in fields)
        {
            var node = map?[f.Name];
            bool absent = PodTree.IsNull(node);
            if (absent && f.Omit is Omit.Empty or Omit.Nil) continue;
            if (!absent && f.Omit == Omit.Empty && IsZero(node!, f.Kind)) continue;
            json.Key(f.Name);
            if (absent && f.Omit == Omit.NullIfAbsent) { json.Null(); continue; }
            WriteValue(json, absent ? null : node, f);
        }
        json.EndObject();
    }

    private static void WriteValue(JsonWriter json, YNode? node, Field f)
    {
        var scalar = node as YScalar;
        switch (f.Kind)
        {
            case Kind.Str: json.String(scalar?.AsGoString() ?? f.Zero ?? ""); break;
            case Kind.Int: json.Raw(scalar?.ToValue() is { } number ? Fmt.Sprint(number) : "0"); break; // null decodes to Go's zero
            case Kind.Bool: json.Bool(scalar?.ToValue() is true); break;
            case Kind.IntOrStr:
                if (scalar is { Kind: ScalarKind.Int }) json.Raw(Fmt.Sprint(scalar.ToValue()));
                else if (scalar is null) json.Number(0);
                else json.String(scalar.AsGoString());
                break;
            case Kind.StrList:
                json.BeginArray();
                if (node is YSequence s) foreach (var i in s.Items) json.String((i as YScalar)?.AsGoString() ?? "");
                json.EndArray();
                break;
            case Kind.StrMap:
                json.BeginObject();
                if (node is YMapping m)
                    foreach (var e in m.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
                        json.Key(e.Name).String((e.Value as YScalar)?.AsGoString() ?? "");
                json.EndObject();
                break;
            case Kind.Obj:
                WriteObject(json, node as YMapping, f.Type!);
                break;
            case Kind.List:
                json.BeginArray();
                if (node is YSequence l) foreach (var i in l.Items) WriteObject(json, i as YMapping, f.Type!);
                json.EndArray();
                break;
        }
    }

    private static bool IsZero(YNode node, Kind kind) => node switch
    {
        YSequence s => s.Count == 0,
        YMapping m => kind != Kind.Obj && m.Count == 0,
        YScalar s => kind switch
        {
            Kind.Str => s.AsGoString().Length == 0,
            Kind.Int => s.ToValue() is long l && l == 0,
            Kind.Bool => s.ToValue() is false,
            _ => false,
        },
        _ => false,
    };
}

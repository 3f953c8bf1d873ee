using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KubeInject.Go;
using KubeInject.Rendering;
using Scriban;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>A template function: the render's context and the arguments in Go's order (a piped value last).</summary>
internal delegate object? GoFunction(TemplateContext context, object?[] args);

/// <summary>
/// The function map Go templates are parsed against: Go's builtins, Istio's injector functions
/// (pkg/kube/inject/template.go) and the sprig functions Istio registers (<c>sprig.TxtFuncMap()</c>), under
/// their Go names and with Go's argument order. A name missing here is a parse error naming it, as in Go.
/// <c>and</c> and <c>or</c> are listed for the parser; the translator evaluates them itself, lazily.
/// </summary>
internal static partial class GoFunctions
{
    private static readonly Dictionary<string, GoFunction> Map = Build();

    /// <summary>Every function name.</summary>
    public static IEnumerable<string> Names => Map.Keys;

    /// <summary>Whether <paramref name="name"/> is a known function.</summary>
    public static bool IsDefined(string name) => Map.ContainsKey(name);

    /// <summary>Every function by name (the runtime binds each once, not per call).</summary>
    public static IEnumerable<KeyValuePair<string, GoFunction>> All => Map;

    private static Dictionary<string, GoFunction> Build()
    {
        var m = new Dictionary<string, GoFunction>(StringComparer.Ordinal);
        AddBuiltins(m);
        AddIstio(m);
        AddSprig(m);
        return m;
    }

    // Arity check with Go's message; zero fields become "" for functions (they are strings in practice).
    private static object?[] Args(string name, object?[] args, int min, int max = -1)
    {
        if (max < 0) max = min;
        if (args.Length < min || args.Length > max)
        {
            var want = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new GoExecException($"wrong number of args for {name}: want {want} got {args.Length}");
        }
        for (int i = 0; i < args.Length; i++) args[i] = GoSemantics.Argument(args[i]);
        return args;
    }

    private static void Fixed(Dictionary<string, GoFunction> m, string name, int count, Func<TemplateContext, object?[], object?> f) =>
        m[name] = (c, a) => f(c, Args(name, a, count));

    private static void Variadic(Dictionary<string, GoFunction> m, string name, int min, Func<TemplateContext, object?[], object?> f) =>
        m[name] = (c, a) => f(c, Args(name, a, min, int.MaxValue));

    private static string Str(object? v) => v switch
    {
        null => "",
        string s => s,
        _ => GoSemantics.Sprint(v),
    };

    private static int Int(object? v) => v switch
    {
        null => 0,
        long l => (int)l,
        int i => i,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        string => 0,
        bool b => b ? 1 : 0,
        _ => throw new GoExecException($"cannot use {GoSemantics.Sprint(v)} as int"),
    };

    private static void AddBuiltins(Dictionary<string, GoFunction> m)
    {
        m["and"] = (_, a) => { foreach (var v in a) if (!GoSemantics.Truth(v)) return v; return a.Length > 0 ? a[^1] : throw new GoExecException("wrong number of args for and: want at least 1 got 0"); };
        m["or"] = (_, a) => { foreach (var v in a) if (GoSemantics.Truth(v)) return v; return a.Length > 0 ? a[^1] : throw new GoExecException("wrong number of args for or: want at least 1 got 0"); };
        m["not"] = (_, a) => a.Length == 1 ? !GoSemantics.Truth(a[0]) : throw new GoExecException($"wrong number of args for not: want 1 got {a.Length}");
        m["len"] = (_, a) => a.Length == 1 ? GoSemantics.Len(a[0]) : throw new GoExecException($"wrong number of args for len: want 1 got {a.Length}");
        m["index"] = (_, a) => a.Length >= 1 ? GoSemantics.Index(a[0], a[1..]) : throw new GoExecException("wrong number of args for index: want at least 1 got 0");
        m["slice"] = (_, a) => a.Length >= 1 ? GoSemantics.Slice(a[0], a[1..]) : throw new GoExecException("wrong number of args for slice: want at least 1 got 0");
        m["print"] = (_, a) => Fmt.SprintOperands(a);
        m["println"] = (_, a) => Fmt.Sprintln(a);
        m["printf"] = (_, a) => a.Length >= 1 ? Fmt.Sprintf(Str(GoSemantics.Argument(a[0])), Array.ConvertAll(a[1..], GoSemantics.Argument), GoSemantics.TypeName) : throw new GoExecException("wrong number of args for printf: want at least 1 got 0");
        m["eq"] = (_, a) => GoSemantics.Eq(a);
        m["ne"] = (_, a) => a.Length == 2 ? !GoSemantics.Eq(a) : throw new GoExecException($"wrong number of args for ne: want 2 got {a.Length}");
        m["lt"] = (_, a) => Compare(a, "lt", (x, y) => GoSemantics.Lt(x, y, "lt"));
        m["le"] = (_, a) => Compare(a, "le", (x, y) => GoSemantics.Lt(x, y, "le") || GoSemantics.Eq([x, y]));
        m["gt"] = (_, a) => Compare(a, "gt", (x, y) => !GoSemantics.Lt(x, y, "gt") && !GoSemantics.Eq([x, y]));
        m["ge"] = (_, a) => Compare(a, "ge", (x, y) => !GoSemantics.Lt(x, y, "ge"));
        m["html"] = (_, a) => HtmlEscape(Fmt.SprintOperands(a));
        m["js"] = (_, a) => JsEscape(Fmt.SprintOperands(a));
        m["urlquery"] = (_, a) => QueryEscape(Fmt.SprintOperands(a));
        m["call"] = (_, _) => throw new GoExecException("error calling call: the data holds no functions");
    }

    private static object Compare(object?[] a, string name, Func<object?, object?, bool> f) =>
        a.Length == 2 ? f(a[0], a[1]) : throw new GoExecException($"wrong number of args for {name}: want 2 got {a.Length}");

    // text/template's HTMLEscapeString.
    private static string HtmlEscape(string s) =>
        s.Replace("&", "&amp;").Replace("'", "&#39;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&#34;").Replace("\0", "\uFFFD");

    // net/url's QueryEscape: unreserved bytes kept, space as '+', everything else %XX.
    private static string QueryEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    // text/template's JSEscapeString.
    private static string JsEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            int c = r.Value;
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '"': sb.Append("\\\""); break;
                case '<': sb.Append("\\u003C"); break;
                case '>': sb.Append("\\u003E"); break;
                case '&': sb.Append("\\u0026"); break;
                case '=': sb.Append("\\u003D"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(c.ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(r.ToString());
                    break;
            }
        }
        return sb.ToString();
    }

    private static void AddIstio(Dictionary<string, GoFunction> m)
    {
        Fixed(m, "formatDuration", 1, (_, a) => TemplateFunctions.FormatDuration(a[0]));
        Fixed(m, "isset", 2, (_, a) => TemplateFunctions.Isset(a[0], Str(a[1])));
        Fixed(m, "excludeInboundPort", 2, (_, a) => TemplateFunctions.ExcludeInboundPort(a[0], Str(a[1])));
        Fixed(m, "includeInboundPorts", 1, (_, a) => TemplateFunctions.IncludeInboundPorts(a[0]));
        Fixed(m, "kubevirtInterfaces", 1, (_, a) => Str(a[0]));
        Fixed(m, "excludeInterfaces", 1, (_, a) => Str(a[0]));
        Fixed(m, "applicationPorts", 1, (_, a) => TemplateFunctions.ApplicationPorts(a[0]));
        Fixed(m, "annotation", 3, (_, a) => TemplateFunctions.Annotation(a[0], Str(a[1]), a[2]));
        Fixed(m, "valueOrDefault", 2, (_, a) => TemplateFunctions.ValueOrDefault(a[0], a[1]));
        Fixed(m, "toJSON", 1, (_, a) => TemplateFunctions.ToJson(a[0]));
        Fixed(m, "fromJSON", 1, (_, a) => TemplateFunctions.FromJson(Str(a[0])));
        Fixed(m, "structToJSON", 1, (_, a) => TemplateFunctions.StructToJson(a[0]));
        Fixed(m, "protoToJSON", 1, (c, a) => TemplateFunctions.ProtoToJson(c, a[0]));
        Fixed(m, "toYaml", 1, (_, a) => TemplateFunctions.ToYaml(a[0]));
        Fixed(m, "indent", 2, (_, a) => TemplateFunctions.Indent(Str(a[1]), Int(a[0])));
        Fixed(m, "directory", 1, (_, a) => TemplateFunctions.Directory(Str(a[0])));
        Fixed(m, "contains", 2, (_, a) => TemplateFunctions.Contains(Str(a[0]), Str(a[1])));
        Fixed(m, "toLower", 1, (_, a) => Str(a[0]).ToLowerInvariant());
        Fixed(m, "appendMultusNetwork", 2, (c, a) => TemplateFunctions.AppendMultusNetwork(c, Str(a[0]), Str(a[1])));
        Fixed(m, "env", 2, (c, a) => TemplateFunctions.Env(c, Str(a[0]), Str(a[1])));
        Variadic(m, "omit", 1, (_, a) => TemplateFunctions.Omit(a[0], a[1..].Select(Str).ToArray()));
        Variadic(m, "strdict", 0, (_, a) => TemplateFunctions.Strdict(a));
        Variadic(m, "toJsonMap", 0, (_, a) => TemplateFunctions.ToJsonMap(a));
        Variadic(m, "mergeMaps", 0, (_, a) => TemplateFunctions.MergeMaps(a));
        Fixed(m, "omitNil", 1, (_, a) => TemplateFunctions.OmitNil(a[0]));
        Fixed(m, "otelResourceAttributes", 5, (_, a) => OtelResourceAttributes.Compute(a[0], a[1], a[2], Str(a[3]), a[4]));
    }
}

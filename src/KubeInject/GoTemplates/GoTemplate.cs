using System.Collections.Concurrent;
using System.Text;
using KubeInject.Diagnostics;
using KubeInject.Rendering;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KubeInject.GoTemplates;

/// <summary>
/// A Go template compiled to Scriban: parsed, translated and Scriban-parsed once per (name, text) per process
/// (<see cref="Compile"/> caches), then rendered per workload. Errors name the template and its Go line.
/// </summary>
internal sealed class GoTemplate
{
    private static readonly ConcurrentDictionary<(string Name, string Text), Lazy<GoTemplate>> Cache = new();
    /// <summary>Scriban's builtins, built once for every Go template render.</summary>
    internal static readonly LazyScribanBuiltins Builtins = new(Rendering.GoTemplateContext.BuildScribanBuiltins);

    private readonly Template _scriban;
    private readonly IReadOnlyList<(int Offset, int Line)> _lines;
    // The Go runtime's helpers and this template's field chains, in one read-only object (see GoRenderGlobals).
    private readonly ScriptObject _shared;

    private GoTemplate(string name, string scribanText, Template scriban, IReadOnlyList<(int Offset, int Line)> lines, IReadOnlyList<string[]> chains, IReadOnlyList<int> rootChains)
    {
        _shared = new ScriptObject(GoRuntime.Shared.Count + chains.Count + rootChains.Count, autoImportStaticsFromThisType: false);
        foreach (var (helper, function) in GoRuntime.Shared) _shared[helper] = function;
        for (int i = 0; i < chains.Count; i++) _shared[GoScribanTranslator.ChainVariable(i)] = chains[i];
        foreach (int i in rootChains) _shared[GoScribanTranslator.RootChainVariable(i)] = new GoRootChain(chains[i]);
        _shared.IsReadOnly = true;
        Name = name;
        ScribanText = scribanText;
        _scriban = scriban;
        _lines = lines;
    }

    /// <summary>The template's name (used in messages).</summary>
    public string Name { get; }

    /// <summary>The Scriban translation (for <c>templates convert</c> and debugging).</summary>
    public string ScribanText { get; }

    /// <summary>The compiled template for <paramref name="text"/>, from the process-wide cache.</summary>
    public static GoTemplate Compile(string name, string text) =>
        Cache.GetOrAdd((name, text), key => new Lazy<GoTemplate>(() => Build(key.Name, key.Text))).Value;

    /// <summary>The Scriban translation of a Go template (not cached; for showing it).</summary>
    public static string Convert(string name, string text)
    {
        var (script, _, chains, rootChains) = GoScribanTranslator.Translate(GoParser.Parse(name, text, GoFunctions.IsDefined));
        var sb = new StringBuilder();
        for (int i = 0; i < chains.Count; i++)
            sb.Append("{{ # ").Append(GoScribanTranslator.ChainVariable(i)).Append(" = .").Append(string.Join('.', chains[i])).Append(" }}\n");
        foreach (int i in rootChains)
            sb.Append("{{ # ").Append(GoScribanTranslator.RootChainVariable(i)).Append(" = $.").Append(string.Join('.', chains[i])).Append(" }}\n");
        return sb.Append(script).ToString();
    }

    private static GoTemplate Build(string name, string text)
    {
        var parsed = GoParser.Parse(name, text, GoFunctions.IsDefined);
        var (script, lines, chains, rootChains) = GoScribanTranslator.Translate(parsed);
        var scriban = Template.Parse(script, name);
        if (scriban.HasErrors)
        {
            // The translator's output is always valid Scriban; this is a bug, reported with the translation's message.
            throw new KubeInjectException($"template \"{name}\": internal translation error: {string.Join("; ", scriban.Messages)}", new SourceLocation(name), ErrorKind.BadInput);
        }
        return new GoTemplate(name, script, scriban, lines, chains, rootChains);
    }

    /// <summary>Renders with <paramref name="dot"/> as the data; <paramref name="context"/> carries what Istio's functions read (environment, ProxyConfig JSON).</summary>
    public string Render(object? dot, Rendering.GoTemplateContext? context = null)
    {
        context ??= new Rendering.GoTemplateContext(Builtins);
        context.StrictVariables = false;
        context.EnableRelaxedTargetAccess = true;
        context.AutoIndent = false;
        context.LoopLimit = int.MaxValue;
        context.RecursiveLimit = 1000;
        context.LimitToString = 64 * 1024 * 1024;
        // Go's truth for if, with and range tests: the translation writes them without a helper call.
        context.Truth = GoSemantics.Truth;
        // What an action prints: the translation writes {{ value ?? "<no value>" }} without a helper call.
        context.Print = GoSemantics.Sprint;
        context.PushGlobal(new GoRenderGlobals(_shared, dot));
        context.PushOutput(new StringBuilderOutput(new StringBuilder()));
        try
        {
            return _scriban.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            var go = Find(e);
            var message = go?.Message ?? e.OriginalMessage;
            throw GoTemplateError.Exec(Name, LineAt(e.Span), message, e);
        }
        catch (GoExecException e)
        {
            throw GoTemplateError.Exec(Name, 0, e.Message, e);
        }
    }

    /// <summary>A context for <see cref="Render"/> over the shared Scriban builtins.</summary>
    public static Rendering.GoTemplateContext NewContext() => new(Builtins);

    private static GoExecException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is GoExecException g) return g;
        return null;
    }

    private int LineAt(SourceSpan span)
    {
        int offset = span.Start.Offset;
        int line = 0;
        foreach (var (o, l) in _lines)
        {
            if (o > offset) break;
            line = l;
        }
        return line;
    }
}
